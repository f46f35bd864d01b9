/** The empty result detectors share: most texts have nothing, and nothing need not be allocated. */
export const NO_MATCHES: readonly RegExpExecArray[] = Object.freeze([]) as readonly RegExpExecArray[];

/**
 * Every match of a global pattern in the text. Unlike String.prototype.matchAll it does not copy
 * the pattern, which matters at one call per text per detector; the pattern's lastIndex is left at
 * 0, so a module's pattern can be shared by every call (calls are synchronous).
 */
export function matchesOf(pattern: RegExp, text: string): readonly RegExpExecArray[] {
  pattern.lastIndex = 0;
  let match = pattern.exec(text);
  if (match === null) return NO_MATCHES;
  const matches: RegExpExecArray[] = [];
  while (match !== null) {
    matches.push(match);
    if (match[0].length === 0) pattern.lastIndex++;
    match = pattern.exec(text);
  }
  return matches;
}
