/** 概览: the figures an operator checks first. */
import { $, h, clear } from '../../js/dom.js';
import { formatCount } from './ops-format.js';
import { HISTORY_DAYS } from './ops-settings.js';

export function showOverview(operations) {
  const streams = operations.streams;
  const runs = operations.runHistory;
  const figures = [
    ['streams', '数据流', streams.length, false],
    ['stale', '已过期', streams.filter((s) => s.feed.stale).length, true],
    ['failing', '最近一次运行失败', streams.filter((s) => s.lastRuns[0] && s.lastRuns[0].status === 'failed').length, true],
    ['open-quarantine', '未处理隔离记录', streams.reduce((sum, s) => sum + s.openQuarantine, 0), true],
    ['runs', '近 ' + HISTORY_DAYS + ' 天运行', runs.length, false],
    ['failed-runs', '近 ' + HISTORY_DAYS + ' 天失败', runs.filter((r) => r.status === 'failed').length, true],
  ];
  const list = $('ops-figures');
  clear(list);
  figures.forEach(([name, label, value, warnWhenAboveZero]) =>
    list.appendChild(h('div', { class: 'figure' + (warnWhenAboveZero && value > 0 ? ' is-warning' : ''), dataset: { figure: name } },
      h('dt', null, label), h('dd', null, formatCount(value)))));
}
