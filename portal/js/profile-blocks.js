/** The building blocks of a profile's sections. */
import { h } from './dom.js';

/** A titled section; its id (profile-<id>) lets readers and tests find it. */
export function profileSection(title, id) {
  const headingId = 'profile-' + id + '-title';
  return h('section', { class: 'profile-section', id: 'profile-' + id, 'aria-labelledby': headingId }, h('h4', { id: headingId }, title));
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
