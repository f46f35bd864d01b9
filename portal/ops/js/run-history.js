/** 运行历史: every finished run of the last weeks as two charts, records read and run time, for all streams or one. */
import { $, h, clear } from '../../js/dom.js';
import { runChart } from './run-chart.js';
import { runStatusLabel, triggerLabel } from './ops-labels.js';
import { formatCount, formatDateTime, formatDuration } from './ops-format.js';
import { HISTORY_DAYS } from './ops-settings.js';

const DAY_MS = 24 * 3600 * 1000;
const ALL_STREAMS = '';

/** Draws the section for `runs` (oldest first) and redraws it when another stream is chosen. */
export function showRunHistory(runs, streamNames, now) {
  const select = $('ops-history-stream');
  const chosen = streamNames.indexOf(select.value) !== -1 ? select.value : ALL_STREAMS;
  clear(select);
  select.appendChild(h('option', { value: ALL_STREAMS }, '全部数据流'));
  streamNames.forEach((name) => select.appendChild(h('option', { value: name }, name)));
  select.value = chosen;
  select.onchange = () => drawCharts(runs, select.value, now);
  drawCharts(runs, chosen, now);
}

function drawCharts(allRuns, stream, now) {
  const runs = stream ? allRuns.filter((run) => run.stream === stream) : allRuns;
  const failed = runs.filter((run) => run.status === 'failed').length;
  $('ops-history-note').textContent = '近 ' + HISTORY_DAYS + ' 天共 ' + runs.length + ' 次运行' + (failed ? '，其中失败 ' + failed + ' 次' : '') + '；悬停在点上可看该次运行的明细。';
  const charts = $('ops-charts');
  clear(charts);
  charts.dataset.stream = stream;
  charts.dataset.runs = String(runs.length);
  if (!runs.length) {
    charts.appendChild(h('p', { class: 'list-status' }, '近 ' + HISTORY_DAYS + ' 天没有已结束的运行。'));
    return;
  }
  const shared = { from: now - HISTORY_DAYS * DAY_MS, to: now, connect: Boolean(stream), describe: describeRun };
  charts.appendChild(chartFigure('每次运行读取的记录数', runChart(Object.assign({
    id: 'chart-records',
    title: '每次运行读取的记录数',
    runs,
    value: (run) => run.fetched,
    tickLabel: formatCount,
    minimumStep: 1,
  }, shared))));
  charts.appendChild(chartFigure('每次运行的耗时（秒）', runChart(Object.assign({
    id: 'chart-duration',
    title: '每次运行的耗时（秒）',
    runs,
    value: (run) => (run.durationMs || 0) / 1000,
    tickLabel: (seconds) => seconds + ' 秒',
    minimumStep: 0.1,
  }, shared))));
  charts.appendChild(legend());
}

function chartFigure(caption, chart) {
  return h('figure', { class: 'run-chart-figure' }, h('figcaption', null, caption), chart);
}

function describeRun(run) {
  return [
    run.stream,
    formatDateTime(run.startedAt) + ' ' + triggerLabel(run.trigger) + ' · ' + runStatusLabel(run.status),
    '耗时 ' + formatDuration(run.durationMs),
    '读取 ' + formatCount(run.fetched) + '，新增 ' + formatCount(run.inserted) + '，更新 ' + formatCount(run.updated) +
      '，未变 ' + formatCount(run.unchanged) + '，隔离 ' + formatCount(run.quarantined),
  ].join('\n');
}

function legend() {
  return h(
    'ul',
    { class: 'run-legend', 'aria-label': '图例' },
    ['ok', 'partial', 'failed'].map((status) => h('li', null, h('span', { class: 'legend-dot status-' + status, 'aria-hidden': 'true' }), runStatusLabel(status))),
  );
}
