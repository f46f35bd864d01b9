/** Building the page from API data: text nodes and checked attributes only, never HTML. */

/** h('p', { class: 'x' }, 'text', node, [more]) — strings become text nodes, never markup. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) Object.keys(attrs).forEach((key) => setAttribute(el, key, attrs[key]));
  children.forEach((child) => append(el, child));
  return el;
}

function setAttribute(el, key, value) {
  if (value === null || value === undefined || value === false) return;
  if (key === 'class') el.className = value;
  else if (key === 'dataset') Object.keys(value).forEach((k) => { el.dataset[k] = String(value[k]); });
  else if (key.slice(0, 2) === 'on') el.addEventListener(key.slice(2), value);
  else el.setAttribute(key, value === true ? '' : String(value));
}

export function append(parent, child) {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) child.forEach((c) => append(parent, c));
  else if (child instanceof Node) parent.appendChild(child);
  else parent.appendChild(document.createTextNode(String(child)));
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
}

export function $(id) {
  return document.getElementById(id);
}

/** The text with every occurrence of `term` wrapped in <mark>, as nodes. */
export function highlighted(text, term) {
  text = String(text);
  if (!term) return [text];
  const parts = [];
  let at = 0;
  let found;
  while ((found = text.indexOf(term, at)) !== -1) {
    if (found > at) parts.push(text.slice(at, found));
    parts.push(h('mark', null, term));
    at = found + term.length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

export function showError(el, message) {
  el.textContent = message;
  el.hidden = false;
}

export function hideError(el) {
  el.textContent = '';
  el.hidden = true;
}

/** A message with the reasons under it as a list, e.g. why a code cannot be looked up. */
export function showErrorList(el, message, reasons) {
  clear(el);
  append(el, [h('p', { class: 'notice-lead' }, message), reasons.length ? h('ul', { class: 'notice-reasons' }, reasons.map((r) => h('li', null, r))) : null]);
  el.hidden = false;
}
