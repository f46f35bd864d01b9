/**
 * Unified social credit codes (GB 32100-2015): the portal only tidies what was typed; the API
 * (usccCheck) checks it and says why a code is wrong.
 */

/** Blanks anywhere (including full-width ones) are dropped, full-width letters and digits folded, case raised. */
export function normaliseUscc(text) {
  return String(text || '')
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000-]+/g, '')
    .toUpperCase();
}

/**
 * What is sent to the API: blanks and hyphens between characters are dropped (people copy codes
 * written in groups, "9123 0602 …"), the rest is left for the API to normalise and report.
 */
export function joinCodeGroups(text) {
  return String(text || '').replace(/(\S)[\s\u3000\-－]+(?=\S)/g, '$1');
}

/** Whether a keyword typed into the search box is a code: 18 letters and digits, the division digits in place. */
export function looksLikeUscc(text) {
  return /^[0-9A-Z]{2}[0-9]{6}[0-9A-Z]{10}$/.test(normaliseUscc(text));
}
