import { TextDecoder } from 'node:util';

/** How many bytes, from the first that is not ASCII, the encoding is decided on. */
export const SNIFF_BYTES = 65536;

/**
 * GBK text now and then passes for UTF-8 for a character or two, never for long: this many UTF-8
 * characters in whole valid lines say the text began as UTF-8.
 */
const UTF8_EVIDENCE = 8;

const LF = 0x0a;

/**
 * UTF-8 or GB18030, a superset of GBK: government exports are one or the other. Only text that is
 * not ASCII tells them apart, so callers pass the bytes from the first such byte on.
 *
 * UTF-8 when the bytes are valid UTF-8 (a character cut at the end is allowed). Also UTF-8 when
 * they turn invalid only after whole lines of UTF-8 text: such text mixes encodings, and reading it
 * as UTF-8 makes the read stop where it turns, while GB18030 would take the UTF-8 lines without an
 * error and garble them. Otherwise GB18030.
 */
export function sniffEncoding(bytes: Buffer): 'utf-8' | 'gb18030' {
  const valid = validUtf8Lines(bytes);
  if (valid === bytes.length) return 'utf-8';
  return utf8Characters(bytes.subarray(0, valid)) >= UTF8_EVIDENCE ? 'utf-8' : 'gb18030';
}

/** Index of the first byte that is not ASCII, or -1. */
export function firstNonAscii(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return i;
  return -1;
}

/** How many leading bytes are whole lines of valid UTF-8 (or all of them, when all are valid). */
function validUtf8Lines(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let start = 0; start < bytes.length; ) {
    const end = bytes.indexOf(LF, start) + 1 || bytes.length;
    try {
      decoder.decode(end === bytes.length ? trimPartialUtf8(bytes.subarray(start)) : bytes.subarray(start, end));
    } catch {
      return start;
    }
    start = end;
  }
  return bytes.length;
}

/** Characters of more than one byte: their lead bytes. */
function utf8Characters(bytes: Buffer): number {
  let count = 0;
  for (const b of bytes) if (b >= 0xc0) count++;
  return count;
}

function trimPartialUtf8(bytes: Buffer): Buffer {
  let end = bytes.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const b = bytes[end - i];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (need > i) end -= i;
    break;
  }
  return bytes.subarray(0, end);
}
