/** The building blocks of a profile's sections, and of the other views' details. */
import { h } from './dom.js';

/** A titled section of a profile or a detail; its id (<prefix><id>, profile-<id> by default) lets readers and tests find it. */
export function profileSection(title, id, prefix = 'profile-') {
  const headingId = prefix + id + '-title';
  return h('section', { class: 'profile-section', id: prefix + id, 'aria-labelledby': headingId }, h('h4', { id: headingId }, title));
}

/** What an empty section says instead. */
export function none(text) {
  return h('p', { class: 'empty' }, text);
}

/** A table that scrolls sideways on a narrow screen instead of breaking the page. */
export function table(caption, headers, rows, wrapColumns = []) {
  return h(
    'div',
    { class: 'table-scroll', role: 'region', 'aria-label': caption, tabindex: '0' },
    h(
      'table',
      null,
      h('caption', { class: 'visually-hidden' }, caption),
      h('thead', null, h('tr', null, headers.map((title) => h('th', { scope: 'col' }, title)))),
      h('tbody', null, rows.map((cells) => h('tr', null, cells.map((cell, i) => h('td', { class: wrapColumns.includes(i) ? 'wrap-cell' : null }, cell))))),
    ),
  );
}
