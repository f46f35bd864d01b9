/** Formatting for readers in China: dates in China time, money in 万元. */

const dateParts = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const minuteParts = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function formatDate(iso) {
  const date = new Date(iso);
  if (isNaN(date.getTime())) return '';
  const p = {};
  dateParts.formatToParts(date).forEach((part) => { p[part.type] = part.value; });
  return p.year + '-' + p.month + '-' + p.day;
}

/** An instant (ISO 8601) as "YYYY-MM-DD HH:mm" in China time; '' when it is not one. */
export function formatInstant(iso) {
  const date = new Date(iso);
  if (!iso || isNaN(date.getTime())) return '';
  const p = {};
  minuteParts.formatToParts(date).forEach((part) => { p[part.type] = part.value; });
  return p.year + '-' + p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute;
}

/** A span of seconds the way a reader says it: 15 分钟, 1 小时, 2 天 5 小时. */
export function formatDuration(seconds) {
  const s = Math.max(0, Math.round(Number(seconds) || 0));
  const days = Math.floor(s / 86400);
  const hours = Math.floor((s % 86400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  if (days) return days + ' 天' + (hours ? ' ' + hours + ' 小时' : '');
  if (hours) return hours + ' 小时' + (minutes ? ' ' + minutes + ' 分钟' : '');
  return Math.max(minutes, 1) + ' 分钟';
}

/** "YYYY-MM-DD HH:mm:ss" China time as the API writes it → "YYYY-MM-DD HH:mm". */
export function formatChinaTime(text) {
  return typeof text === 'string' ? text.replace(/^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d)(:\d\d)?$/, '$1 $2') : '';
}

/** "YYYY-MM-DD HH:mm:ss" → "HH:mm", the hour a tile shows; the full time is in its title. */
export function shortTime(text) {
  const m = /(\d\d:\d\d)(:\d\d)?$/.exec(String(text || ''));
  return m ? m[1] : '';
}

export function formatNumber(value, digits = 2) {
  return Number(value).toLocaleString('zh-CN', { maximumFractionDigits: digits });
}

export function formatWan(value) {
  return isPresent(value) ? formatNumber(value) + ' 万元' : '—';
}

/** Whether the API gave a value: null and a missing field both mean it did not. */
export function isPresent(value) {
  return value !== null && value !== undefined;
}
