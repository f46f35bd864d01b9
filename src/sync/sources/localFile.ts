import fs from 'node:fs';
import path from 'node:path';
import { filePages, type FileSourceOptions } from './fileSource';
import type { Page } from './source';

/**
 * A file given with `--file`, read as filePages reads it, after two guards: a binary file (an
 * .xlsx saved as .json, a gzip dump) is refused up front with a reason that names it, instead of
 * being parsed into garbage; and any failure while reading names the file, so the run's error says
 * which file to look at.
 */
export async function* localFilePages(file: string, options: FileSourceOptions = {}): AsyncIterable<Page> {
  const name = path.basename(file);
  const binary = fs.existsSync(file) ? binaryFormatOf(await readHead(file)) : undefined;
  if (binary) {
    throw new Error(`${file} is not a text file (${binary}); export it as CSV, JSON Lines or a JSON array in UTF-8 or GBK and load that`);
  }
  try {
    yield* filePages(file, options);
  } catch (error) {
    const message = (error as Error)?.message ?? String(error);
    if (message.includes(name)) throw error;
    throw new Error(`reading ${file}: ${message}`, { cause: error });
  }
}

const HEAD_BYTES = 65536;

async function readHead(file: string): Promise<Buffer> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const SIGNATURES: Array<[number[], string]> = [
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive, such as an .xlsx workbook'],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'an old Office file, such as an .xls workbook'],
  [[0x1f, 0x8b], 'gzip-compressed'],
  [[0x42, 0x5a, 0x68], 'bzip2-compressed'],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 'a 7-Zip archive'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0xff, 0xfe], 'UTF-16 text'],
  [[0xfe, 0xff], 'UTF-16 text'],
];

/**
 * What kind of binary the first bytes show, or undefined for text. A known signature decides
 * first. Otherwise text in UTF-8 or GBK has next to no control bytes (random binary has about one
 * in ten), so a head where they pass one in twenty is binary. NUL bytes count only when they are a large share (UTF-16 text without a
 * byte-order mark has one in every two bytes): a few NULs inside records are the records' problem,
 * and those records are quarantined one by one.
 */
export function binaryFormatOf(head: Buffer): string | undefined {
  for (const [signature, format] of SIGNATURES) {
    if (head.length >= signature.length && signature.every((byte, i) => head[i] === byte)) return format;
  }
  if (head.length === 0) return undefined;
  let nul = 0;
  let control = 0;
  for (const byte of head) {
    if (byte === 0) nul++;
    // Tab, line feed, vertical tab, form feed, carriage return and escape occur in text.
    else if (byte < 0x20 && (byte < 0x09 || byte > 0x0d) && byte !== 0x1b) control++;
  }
  if (nul > head.length * 0.3) return `${percent(nul, head.length)} of its first bytes are NUL`;
  if (control > head.length * 0.05) return `${percent(control, head.length)} of its first bytes are control characters`;
  return undefined;
}

function percent(part: number, whole: number): string {
  return `${Math.round((part / whole) * 100)}%`;
}
