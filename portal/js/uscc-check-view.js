/** What the API's usccCheck says about a code, as the enterprise lookup shows it. */
import { h, append, clear } from './dom.js';
import { okFlag, badFlag } from './badges.js';

/** The notes that say how the typed text was read, not where the code was registered. */
const NORMALISATION = ['SURROUNDING_BLANKS', 'FULL_WIDTH', 'LOWER_CASE'];

const SCOPES = { CITY: '本市', PROVINCE: '本省', OTHER_PROVINCE: '外省', NATIONAL: '国家级', UNKNOWN: '未知区划' };

/** Why the code is wrong, one sentence each, in Chinese; empty when it is valid. */
export function problemsOf(check) {
  return check.problems.map((p) => p.messageZh);
}

/**
 * Under the form: what was done to the text before it was looked up (blanks, full width, case),
 * so the reader knows the code shown is theirs. `groupsJoined`: the portal took blanks out of it.
 */
export function showNormalisation(el, check, groupsJoined) {
  const said = check.notes.filter((n) => NORMALISATION.includes(n.kind)).map((n) => n.messageZh);
  if (groupsJoined) said.unshift('已去除代码中间的空格或连字符。');
  clear(el);
  el.hidden = !said.length;
  if (said.length) append(el, '已按规范处理输入的代码：' + said.join(''));
}

/** The profile's 代码校验 line: passed, or every reason it failed. */
export function checkVerdict(check) {
  if (check.valid) return okFlag('校验通过（GB 32100-2015）', { valid: 'true' });
  return [badFlag('校验未通过', { valid: 'false' }), h('ul', { class: 'check-problems' }, problemsOf(check).map((text) => h('li', null, text)))];
}

/** 登记管理部门 · 机构类别 as the code's first two characters say; null when they cannot be read. */
export function registrationText(check) {
  const authority = check.registrationAuthority;
  if (!authority) return null;
  const category = check.entityCategory;
  return [authority.code + ' ' + (authority.name || '（不存在）'), category ? category.code + ' ' + (category.name || '（不存在）') : null].filter(Boolean).join(' · ');
}

/** 登记地 as characters 3–8 say, with where that is from the city's point of view. */
export function divisionText(check) {
  const d = check.division;
  if (!d) return null;
  const place = d.name || (d.within ? d.within + '（' + d.code + '）' : d.code);
  const notes = check.notes.filter((n) => !NORMALISATION.includes(n.kind) && n.kind !== 'ORGANISATION_CODE').map((n) => n.messageZh);
  return [h('span', { dataset: { scope: d.scope } }, place + (d.name ? '（' + d.code + '）' : '') + ' · ' + (SCOPES[d.scope] || d.scope)), notes.length ? h('span', { class: 'muted' }, ' ' + notes.join('')) : null];
}
