/** The small coloured labels: a disclosure's domain and status, an AQI reading, a pass or fail, a colour from the data. */
import { h } from './dom.js';
import { DOMAINS, STATUS } from './labels.js';
import { hexColour, textColourOn } from './colour-contrast.js';

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

/**
 * A label on a colour the data gives (a warning level, a water class, an AQI category), with black
 * or white text, whichever reads better on it. `attrs` marks it for scripts and tests.
 */
export function colourBadge(text, colour, attrs = {}) {
  const hex = hexColour(colour) || '#FFFFFF';
  const badge = h('span', Object.assign({}, attrs, { class: 'colour-badge' + (attrs.class ? ' ' + attrs.class : '') }), text);
  badge.style.backgroundColor = hex;
  badge.style.color = textColourOn(hex);
  return badge;
}
