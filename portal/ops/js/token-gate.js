/** The token form: shown until a token is given, and again, with the hub's reason, when the hub refuses it. */
import { $ } from '../../js/dom.js';

/** Shows the form; `onToken(token)` runs when one is submitted. */
export function askForToken(onToken) {
  const section = $('ops-token');
  const input = $('ops-token-input');
  section.hidden = false;
  $('ops-token-form').onsubmit = (event) => {
    event.preventDefault();
    const token = input.value.trim();
    if (!token) {
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    input.removeAttribute('aria-invalid');
    input.value = '';
    section.hidden = true;
    onToken(token);
  };
  input.focus();
}
