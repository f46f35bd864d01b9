/** Links the API hands us: only http(s) ones become hrefs; anything else (javascript:, data:) is dropped. */
import { h } from './dom.js';

/** A link to another site, opened in a new window; null when the address is not safe to link. */
export function externalLink(href, text, label) {
  const url = safeUrl(href);
  if (!url) return null;
  return h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', 'aria-label': label || null }, text);
}

function safeUrl(value) {
  if (typeof value !== 'string' || !value) return null;
  try {
    const url = new URL(value, document.baseURI);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
