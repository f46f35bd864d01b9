/** The small coloured labels: a disclosure's domain and status, an AQI reading, a pass or fail. */
import { h } from './dom.js';
import { DOMAINS, STATUS } from './labels.js';

export function domainBadge(domain) {
  return h('span', { class: 'badge badge-' + String(domain).toLowerCase(), dataset: { domain } }, DOMAINS[domain] || domain);
}

export function statusBadge(status) {
  return h('span', { class: 'status status-' + String(status).toLowerCase(), dataset: { status } }, STATUS[status] || status);
}

export function aqiChip(aqi) {
  const level = Number(aqi.level);
  return h(
    'span',
    { class: 'aqi-chip aqi-level-' + (level >= 1 && level <= 6 ? level : 0) },
    'AQI ' + aqi.aqi + ' ' + aqi.category,
  );
}

/** `dataset` (optional) marks the flag for scripts and tests, e.g. { valid: 'true' }. */
export function okFlag(text, dataset) {
  return h('span', { class: 'flag flag-ok', dataset }, text);
}

export function badFlag(text, dataset) {
  return h('span', { class: 'flag flag-bad', dataset }, text);
}
