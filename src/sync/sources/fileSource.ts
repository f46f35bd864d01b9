import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse';
import type { Page } from './source';
import { jsonArrayRecords } from './jsonArrayRecords';

export interface FileSourceOptions {
  /** Records per page handed to the engine (one transaction each). */
  pageSize?: number;
  /** Text encoding; by default UTF-8 (with or without BOM) is detected, otherwise GB18030 (a superset of GBK). */
  encoding?: string;
}

/**
 * Reads a local dump — CSV, JSON Lines or a JSON array — as pages of records, streaming, so a dump
 * larger than memory loads. Government exports are often GBK: the encoding is sniffed from the
 * first bytes unless given.
 */
export async function* filePages(file: string, options: FileSourceOptions = {}): AsyncIterable<Page> {
  if (!fs.existsSync(file)) throw new Error(`no such file: ${file}`);
  const pageSize = options.pageSize ?? 1000;
  const encoding = options.encoding ?? (await sniffEncoding(file));
  if (!iconv.encodingExists(encoding)) throw new Error(`unknown text encoding "${encoding}"; use utf-8, gbk or gb18030`);
  const text = fs.createReadStream(file).pipe(iconv.decodeStream(encoding, { stripBOM: true }));
  yield* inPages(recordsOf(file, text), pageSize);
}

/** Groups a stream of records into pages: each page is one transaction for the engine. */
export async function* inPages(records: AsyncIterable<unknown>, pageSize: number): AsyncIterable<Page> {
  let page: unknown[] = [];
  for await (const record of records) {
    page.push(record);
    if (page.length >= pageSize) {
      yield { records: page };
      page = [];
    }
  }
  if (page.length > 0) yield { records: page };
}

/** CSV rows as objects keyed by the header. Every value stays a string, as the export wrote it. */
export function csvRecords(text: NodeJS.ReadableStream): AsyncIterable<unknown> {
  return (text as Readable).pipe(
    parse({ columns: (header: string[]) => header.map((h) => h.trim()), skip_empty_lines: true, bom: true, relax_column_count: true, trim: true }),
  );
}

function recordsOf(file: string, text: NodeJS.ReadableStream): AsyncIterable<unknown> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') return csvRecords(text);
  if (ext === '.jsonl' || ext === '.ndjson') return jsonLines(file, text);
  if (ext === '.json') return jsonArrayRecords(file, text as Readable);
  throw new Error(`cannot read ${file}: use a .csv, .jsonl/.ndjson or .json file`);
}

async function* jsonLines(file: string, text: NodeJS.ReadableStream): AsyncIterable<unknown> {
  let line = 0;
  for await (const raw of readline.createInterface({ input: text as Readable, crlfDelay: Infinity })) {
    line++;
    if (!raw.trim()) continue;
    try {
      yield JSON.parse(raw);
    } catch (error) {
      // A broken line is still a record someone sent: quarantine it rather than stop the load.
      yield new UnparsableRecord(raw, `${path.basename(file)} line ${line} is not JSON: ${(error as Error).message}`);
    }
  }
}

/** A record that could not even be parsed; the engine quarantines it with this reason. */
export class UnparsableRecord {
  constructor(
    readonly raw: string,
    readonly reason: string,
  ) {}
}

async function sniffEncoding(file: string): Promise<string> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(65536);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return encodingOf(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** UTF-8 when the bytes decode as UTF-8 (a character cut at the end is allowed), else GB18030. */
export function encodingOf(head: Buffer): string {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(trimPartialUtf8(head));
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
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
