/**
 * 数据更新于…: how old a board's data is (the API's dataAge), and a visible warning when it is older
 * than its feed's period, so a reader never takes yesterday's readings for today's.
 */
import { h } from './dom.js';
import { formatDuration, formatInstant } from './format.js';

/**
 * One line for a view: the newest `asOf` among its items, and a warning naming how many are
 * stale. `items` names them with their measure word ({ unit: '个', noun: '城市' }). Null when the
 * API gave no age.
 */
export function dataAgeLine(ages, items) {
  const known = ages.filter((age) => age && age.asOf);
  if (!known.length) return null;
  const newest = known.reduce((a, b) => (Date.parse(b.asOf) > Date.parse(a.asOf) ? b : a));
  const stale = known.filter((age) => age.stale);
  const line = h('p', { class: 'data-age', dataset: { stale: stale.length > 0, asOf: newest.asOf } }, '数据更新于 ', h('time', { datetime: newest.asOf }, formatInstant(newest.asOf)));
  if (!stale.length) return line;
  const oldest = stale.reduce((a, b) => (b.seconds > a.seconds ? b : a));
  line.classList.add('data-age-stale');
  line.setAttribute('role', 'note');
  line.insertBefore(h('span', { class: 'stale-mark', 'aria-hidden': 'true' }, '⚠ '), line.firstChild);
  const single = known.length === 1;
  const counted = (n) => n + ' ' + items.unit + items.noun;
  const which = single ? '' : stale.length === known.length ? '全部 ' + counted(known.length) + '的' : counted(known.length) + '中有 ' + stale.length + ' ' + items.unit + '的';
  line.appendChild(
    h('strong', { class: 'stale-warning' },
      '。' + which + '数据已超过更新周期（' + formatDuration(oldest.periodSeconds) + '），' + (single ? '' : '最久的') +
        '已 ' + formatDuration(oldest.seconds) + '未更新，可能不是最新情况。'),
  );
  return line;
}

/** The small mark on one item (a tile, a row) whose data is stale; null when it is not. */
export function staleMark(age) {
  if (!age || !age.stale) return null;
  return h('span', { class: 'stale-badge', title: '数据更新于 ' + formatInstant(age.asOf) }, '数据更新于 ' + formatInstant(age.asOf) + '，已过期');
}
