/** One line of a text, without its line break, and whether it had one. */
export interface TextLine {
  text: string;
  /** 1-based. */
  number: number;
  /** False for a last line that stops without a line break. */
  ended: boolean;
}

/**
 * The lines of a text stream (LF or CRLF). Unlike readline it says whether the last line ended, so
 * a line a download or a copy broke off in can be told from a broken line, and a read error of the
 * stream is thrown here rather than lost.
 */
export async function* textLines(text: AsyncIterable<string>): AsyncIterable<TextLine> {
  let rest = '';
  let number = 0;
  for await (const chunk of text) {
    rest += chunk;
    let start = 0;
    for (let end = rest.indexOf('\n'); end >= 0; end = rest.indexOf('\n', start)) {
      yield { text: withoutCarriageReturn(rest.slice(start, end)), number: ++number, ended: true };
      start = end + 1;
    }
    rest = rest.slice(start);
  }
  if (rest) yield { text: rest, number: ++number, ended: false };
}

function withoutCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
