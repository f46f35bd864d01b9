import fs from 'node:fs';
import path from 'node:path';
import { pipeline, type Readable } from 'node:stream';
import type { Page } from './source';
import { csvRecords } from './csvRecords';
import { CutShortError } from './cutShort';
import { jsonArrayRecords } from './jsonArrayRecords';
import { StrictTextDecoder } from './strictTextDecoder';
import { textLines } from './textLines';

export interface FileSourceOptions {
  /** Records per page handed to the engine (one transaction each). */
  pageSize?: number;
  /** Text encoding; by default UTF-8 (with or without BOM) is detected, otherwise GB18030 (a superset of GBK). */
  encoding?: string;
}

/**
 * Reads a local dump — CSV, JSON Lines or a JSON array — as pages of records, streaming, so a dump
 * larger than memory loads. Government exports are often GBK: the encoding is detected from the
 * text unless given, and the whole file must be valid in it (see StrictTextDecoder).
 */
export async function* filePages(file: string, options: FileSourceOptions = {}): AsyncIterable<Page> {
  if (!fs.existsSync(file)) throw new Error(`no such file: ${file}`);
  const records = readerFor(file);
  const text = new StrictTextDecoder({ where: file, encoding: options.encoding });
  // A read error reaches the decoder, and through it whoever reads the text.
  pipeline(fs.createReadStream(file), text, () => undefined);
  yield* inPages(records(text), options.pageSize ?? 1000);
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

function readerFor(file: string): (text: Readable) => AsyncIterable<unknown> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') return (text) => csvRecords(text, file);
  if (ext === '.jsonl' || ext === '.ndjson') return (text) => jsonLines(file, text);
  if (ext === '.json') return (text) => jsonArrayRecords(file, text);
  throw new Error(`cannot read ${file}: use a .csv, .jsonl/.ndjson or .json file`);
}

async function* jsonLines(file: string, text: Readable): AsyncIterable<unknown> {
  for await (const line of textLines(text)) {
    if (!line.text.trim()) continue;
    try {
      yield JSON.parse(line.text);
    } catch (error) {
      // A last line that stops without its line break is where the file was cut, not a record.
      if (!line.ended) throw new CutShortError(file, `its last line, ${line.number.toLocaleString('en-US')}, ends part-way through a record`);
      // A broken line is still a record someone sent: quarantine it rather than stop the load.
      yield new UnparsableRecord(line.text, `${path.basename(file)} line ${line.number} is not JSON: ${(error as Error).message}`);
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
