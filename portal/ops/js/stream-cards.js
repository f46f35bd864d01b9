/** 数据流: one card per stream with its freshness, schedule, latest runs, open quarantine and last failure. */
import { $, h, clear } from '../../js/dom.js';
import { domainBadge } from '../../js/badges.js';
import { runTable } from './run-table.js';
import { formatAge, formatCount, formatDateTime } from './ops-format.js';
import { triggerLabel } from './ops-labels.js';

export function showStreamCards(streams, now) {
  const list = $('ops-stream-list');
  clear(list);
  streams.forEach((entry) => list.appendChild(streamCard(entry, now)));
}

function streamCard(entry, now) {
  const feed = entry.feed;
  const [latest] = entry.lastRuns;
  return h(
    'li',
    { class: 'stream-card' + (feed.stale ? ' is-stale' : ''), dataset: { stream: feed.name, stale: feed.stale } },
    h('div', { class: 'stream-head' },
      h('h3', { class: 'stream-name' }, feed.name),
      domainBadge(feed.domain),
      freshnessBadge(feed)),
    h('dl', { class: 'stream-facts' },
      fact('最近成功同步', feed.lastSuccessAt ? formatDateTime(feed.lastSuccessAt) + '（' + formatAge(feed.lastSuccessAt, now) + '）' : '从未成功', 'last-success'),
      fact('同步计划', feed.schedule ? [h('code', null, feed.schedule), '（北京时间）'] : '仅手动', 'schedule'),
      fact('下次同步', entry.nextFire ? formatDateTime(entry.nextFire) : '—', 'next-fire'),
      fact('未处理隔离', formatCount(entry.openQuarantine), 'open-quarantine')),
    entry.lastFailure ? failureNote(entry.lastFailure, latest) : null,
    h('h4', { class: 'runs-title' }, '最近 ' + entry.lastRuns.length + ' 次运行'),
    runTable(entry.lastRuns, feed.name + ' 最近的运行'),
  );
}

function freshnessBadge(feed) {
  return feed.stale
    ? h('span', { class: 'freshness freshness-stale', title: '最近一次成功同步早于两个同步周期' }, '已过期')
    : h('span', { class: 'freshness freshness-fresh' }, '及时');
}

function fact(term, value, name) {
  return h('div', { class: 'fact', dataset: { fact: name } }, h('dt', null, term), h('dd', null, value));
}

/** The last failure, marked as current when it is also the latest run. */
function failureNote(failure, latest) {
  const current = Boolean(latest && latest.id === failure.id);
  return h(
    'div',
    { class: 'run-failure' + (current ? ' is-current' : ''), role: current ? 'alert' : null, dataset: { runId: failure.id } },
    h('p', { class: 'failure-when' },
      (current ? '最近一次运行失败' : '最近一次失败') + '：' + formatDateTime(failure.startedAt) + '，' + triggerLabel(failure.trigger) + '触发'),
    h('pre', { class: 'error-text' }, failure.error || '（未记录原因）'),
  );
}
