/**
 * Whether a declared marker is negated in its own clause: 不涉及国家秘密, 不含商业秘密,
 * 未涉及技术秘密. A statement that a text holds no secret is the opposite of a mark.
 */
const NEGATION = /不|无|未|没有|非|否/;

/** Where a clause begins (a closing bracket ends an aside): a negation before it speaks of something else. */
const CLAUSE_BREAK = /[，,。；;：:！!？?\n）)】\]]/;

/** How far back in its clause a negation may stand (不涉及国家秘密: 5 characters before 秘密). */
const REACH = 8;

export function isNegated(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - REACH), start);
  const breakAt = lastIndexOfPattern(before, CLAUSE_BREAK);
  return NEGATION.test(breakAt < 0 ? before : before.slice(breakAt + 1));
}

function lastIndexOfPattern(s: string, pattern: RegExp): number {
  for (let i = s.length - 1; i >= 0; i--) if (pattern.test(s[i])) return i;
  return -1;
}
