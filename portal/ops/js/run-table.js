/** A stream's latest runs as a table: when, how started, how it ended, how long, and its counts. */
import { h } from '../../js/dom.js';
import { runStatusLabel, triggerLabel } from './ops-labels.js';
import { formatCount, formatDateTime, formatDuration } from './ops-format.js';

const COUNTS = [
  ['fetched', '读取'],
  ['inserted', '新增'],
  ['updated', '更新'],
  ['unchanged', '未变'],
  ['quarantined', '隔离'],
  ['removed', '移出'],
];

export function runTable(runs, caption) {
  if (!runs.length) return h('p', { class: 'list-status' }, '尚无运行记录。');
  return h(
    'table',
    { class: 'run-table' },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, '开始时间'), h('th', { scope: 'col' }, '触发'), h('th', { scope: 'col' }, '状态'),
      h('th', { scope: 'col' }, '耗时'), COUNTS.map(([, label]) => h('th', { scope: 'col', class: 'count' }, label)))),
    h('tbody', null, runs.map(runRow)),
  );
}

function runRow(run) {
  return h(
    'tr',
    { class: 'run-row', dataset: { runId: run.id, status: run.status } },
    h('td', null, h('time', { datetime: run.startedAt }, formatDateTime(run.startedAt))),
    h('td', null, triggerLabel(run.trigger)),
    h('td', null, h('span', { class: 'run-status status-' + run.status }, runStatusLabel(run.status))),
    h('td', null, formatDuration(run.durationMs)),
    COUNTS.map(([field]) => h('td', { class: 'count', dataset: { count: field } }, formatCount(run[field]))),
  );
}
