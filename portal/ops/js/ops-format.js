/** Times and durations as operators read them: China time to the minute, ages and run times in words. */

/** "YYYY-MM-DD HH:mm" in China time; empty for no time: the portal's own formatter. */
export { formatInstant as formatDateTime } from '../../js/format.js';

/** "850 毫秒", "12.3 秒", "4 分 5 秒", "1 小时 2 分". */
export function formatDuration(ms) {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return Math.round(ms) + ' 毫秒';
  const seconds = ms / 1000;
  if (seconds < 60) return (Math.round(seconds * 10) / 10) + ' 秒';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return minutes + ' 分 ' + Math.round(seconds % 60) + ' 秒';
  return Math.floor(minutes / 60) + ' 小时 ' + (minutes % 60) + ' 分';
}

/** How long ago: "刚刚", "12 分钟前", "3 小时前", "5 天前". */
export function formatAge(iso, now = Date.now()) {
  const minutes = Math.floor((now - new Date(iso).getTime()) / 60000);
  if (minutes < 1) return '刚刚';
  if (minutes < 60) return minutes + ' 分钟前';
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return hours + ' 小时前';
  return Math.floor(hours / 24) + ' 天前';
}

export function formatCount(n) {
  return Number(n).toLocaleString('zh-CN');
}
