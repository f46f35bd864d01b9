/**
 * Details that open in place and can be linked: #process=<ref> (process-ref.js), #ppp=<id>. The
 * link's href works in a new tab too; a plain click records the address (so the back button works)
 * and opens it here.
 */

/** Opens links matching `selector` (href `prefix` + value) in place; a click with a modifier keeps the link's own behaviour. */
export function openInPlace(selector, prefix, open) {
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest(selector) : null;
    if (!link) return;
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const value = valueOf(link.getAttribute('href') || '', prefix);
    if (value === null) return;
    event.preventDefault();
    const hash = prefix + encodeURIComponent(value);
    if (location.hash !== hash) history.pushState(null, '', hash);
    open(value);
  });
}

/** Opens the detail the address names, now and whenever the address changes (back, forward, a pasted link). */
export function detailFromHash(prefix, open) {
  const read = () => {
    const value = valueOf(location.hash, prefix);
    if (value) open(value);
  };
  window.addEventListener('hashchange', read);
  read();
}

/** The value after the prefix, decoded; null when the text is not such a link or does not decode. */
function valueOf(text, prefix) {
  if (text.indexOf(prefix) !== 0) return null;
  try {
    return decodeURIComponent(text.slice(prefix.length));
  } catch {
    return null;
  }
}
