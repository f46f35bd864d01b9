/**
 * The address of one served text in a mapped row, as findings and redactions name it
 * (contract.ts Finding.field): `title`, `publisher`, `subject.name`, `parties[2].name`,
 * `attributes.facts`, `attributes.lots[0].title`. A key that would not read back from the dotted
 * form (one with a dot, a bracket or a quote, or an empty key) is written `["a.b"]`.
 */
export type FieldPathSegment = string | number;

const PLAIN_KEY = /^[^.[\]"\s]+$/;

export function formatFieldPath(segments: readonly FieldPathSegment[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) path += path === '' ? segment : `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}

/** One segment at a time: `.key` or `key` at the start, `[3]`, `["a.b"]`. */
const SEGMENT = /\.?([^.[\]"\s]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;

/** The segments of a path formatFieldPath wrote; null for text that is not such a path. */
export function parseFieldPath(path: string): FieldPathSegment[] | null {
  const segments: FieldPathSegment[] = [];
  SEGMENT.lastIndex = 0;
  while (SEGMENT.lastIndex < path.length) {
    const at = SEGMENT.lastIndex;
    const match = SEGMENT.exec(path);
    if (!match) return null;
    if (match[1] !== undefined) {
      // A key is dotted after another segment and bare only at the start.
      if ((at === 0) !== (match[0][0] !== '.')) return null;
      segments.push(match[1]);
    } else if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push(JSON.parse(match[3]) as string);
  }
  return segments.length > 0 ? segments : null;
}
