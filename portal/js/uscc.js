/** Unified social credit codes (GB 32100-2015): the portal only tidies what was typed; the API checks it. */

/** Blanks anywhere (including full-width ones) are dropped, full-width letters and digits folded, case raised. */
export function normaliseUscc(text) {
  return String(text || '')
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000-]+/g, '')
    .toUpperCase();
}

/** Why the code cannot be looked up, or null when it can. */
export function usccProblem(code) {
  if (!code) return '请输入统一社会信用代码。';
  if (!/^[0-9A-Z]+$/.test(code)) return '统一社会信用代码只包含数字和大写字母，请检查输入。';
  if (code.length !== 18) return '统一社会信用代码应为 18 位，当前输入为 ' + code.length + ' 位。';
  return null;
}
