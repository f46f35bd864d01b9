import type { Detector, Span, Trigger } from './detector';
import { matchesOf } from './scan';
import { isNegated } from './negation';
import { termPattern } from './terms';

/**
 * Classification and handling marks (绝密, 机密, 秘密, 内部, 内部资料, 不宜公开, 涉密) and
 * commercial-secret markers (商业秘密, 技术秘密). The same words are everyday vocabulary —
 * 内部控制, 公司内部管理, 涉密人员培训, 保守国家秘密 — so a term counts only where it stands as a
 * mark (see isMark).
 */
export const markDetector: Detector = (text, rule) => {
  const spans: Span[] = [];
  for (const match of matchesOf(termPattern(rule), text)) {
    const start = match.index;
    const termEnd = start + match[0].length;
    const end = termEnd + starPeriodLength(text, termEnd);
    if (!isMark(text, start, termEnd, end)) continue;
    spans.push({ start, end });
  }
  return spans;
};

/** A mark is one of the rule's terms. */
export const markTrigger: Trigger = (rule) => termPattern(rule).source;

/**
 * ★ and the secrecy period after a level (GB/T 9704 and the state-secret marking rules):
 * 秘密★1年, 机密★五年, 绝密★长期, or ★ alone.
 */
const STAR_PERIOD = /^★\s*(?:(?:[0-9０-９]+|[一二三四五六七八九十]+)\s*(?:年|个月|月|日|天)|长期)?/;

function starPeriodLength(text: string, at: number): number {
  if (text[at] !== '★') return 0;
  return STAR_PERIOD.exec(text.slice(at, at + 8))?.[0].length ?? 0;
}

const OPENING = '【（([〔「［';
const CLOSING = '】）)]〕」］';
/** What may follow a mark: the end, a blank, punctuation, a closing bracket, ★. */
const AFTER_MARK = /^(?:$|[\s，,。.、；;：:！!？?—\-|/★】）)\]〕」］])/;
/** A label that announces a mark: 密级：秘密. */
const LEVEL_LABEL = /密级[\s:：]*$/;
/**
 * A verb that declares what the text is or holds, right before the term: 含商业秘密, 涉及国家秘密,
 * 属于内部资料, 本文件为内部资料.
 */
const DECLARING = /(?:含有|含|包含|涉及|属于|系|为)(?:国家)?$/;
/** After a declared term: its clause ends, or a noun of what is declared (涉及商业秘密内容). */
const AFTER_DECLARED = /^(?:$|[\s，,。.、；;：:！!？?）)】]|内容|信息|资料|材料|事项|文件|部分)/;

/**
 * The places where a term is a mark rather than a word:
 * - the field's first word (机密 关于…, 内部资料：…), followed by a break;
 * - a standalone token between blanks or line breaks;
 * - in brackets: 【内部】, （机密）, [秘密★1年];
 * - with ★: 秘密★1年;
 * - after a 密级 label;
 * - declared by a verb right before it: 含商业秘密, 涉及国家秘密 — but not when the clause negates
 *   the declaration (不涉及国家秘密, 不含商业秘密: negation.ts), nor as a condition (涉及商业秘密的
 *   除外): a declared term followed by 的 is part of a rule being cited.
 * The other forms mark the text whatever stands before them: （不得复制）【内部】 is marked.
 */
function isMark(text: string, start: number, termEnd: number, end: number): boolean {
  if (end > termEnd) return true; // ★
  const after = text.slice(end, end + 2);
  const breaksAfter = AFTER_MARK.test(after);
  const before = text.slice(Math.max(0, start - 6), start);
  if (breaksAfter && startsField(text, start)) return true;
  if (breaksAfter && (start === 0 || /\s/.test(text[start - 1]))) return true;
  if (start > 0 && end < text.length && OPENING.includes(text[start - 1]) && CLOSING.includes(text[end])) return true;
  if (breaksAfter && LEVEL_LABEL.test(before)) return true;
  return DECLARING.test(before) && AFTER_DECLARED.test(text.slice(end, end + 2)) && !isNegated(text, start);
}

/**
 * Whether only blanks and opening brackets stand before `start`. Read backwards from the term, so
 * a long text with the term far into it costs as little as a short one.
 */
function startsField(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const ch = text[i];
    if (!OPENING.includes(ch) && !/\s/.test(ch)) return false;
  }
  return true;
}
