/** Building SVG from data the way dom.js builds HTML: attributes set one by one, text as text nodes. */
import { append } from '../../js/dom.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** svg('circle', { cx: 1, class: 'x' }, svg('title', null, 'text')) */
export function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  if (attrs) {
    Object.keys(attrs).forEach((key) => {
      const value = attrs[key];
      if (value !== null && value !== undefined && value !== false) el.setAttribute(key, String(value));
    });
  }
  children.forEach((child) => append(el, child));
  return el;
}
