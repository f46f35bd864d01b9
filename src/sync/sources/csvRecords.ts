import { pipeline, type Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { CutShortError } from './cutShort';
import { LineEndWatch } from './lineEndWatch';
import { withLast } from './withLast';

/**
 * CSV rows as objects keyed by the header. Every value stays a string, as the export wrote it.
 *
 * A text that stops inside its last row was cut short, and that half row is not a record: it
 * would become a quarantine entry without a key, one that no later good version can settle. So
 * the read fails with CutShortError when the text ends inside a quoted value, or when its last row
 * has no line break after it and fewer columns than the header. A whole last row without a line
 * break is complete: some writers do not end the last line.
 */
export async function* csvRecords(text: Readable, where: string): AsyncIterable<Record<string, string>> {
  let columns = 0;
  const ending = new LineEndWatch();
  const parser = parse({
    columns: (header: string[]) => {
      const names = header.map((h) => h.trim());
      // A repeated name is one key of the record: count the keys a whole row has.
      columns = new Set(names).size;
      return names;
    },
    skip_empty_lines: true,
    bom: true,
    relax_column_count: true,
    trim: true,
  });
  const rows = pipeline(text, ending, parser, () => undefined) as AsyncIterable<Record<string, string>>;
  let row = 0;
  try {
    for await (const { value, last } of withLast(rows)) {
      row++;
      const found = Object.keys(value).length;
      if (last && ending.endsMidLine && found < columns) {
        throw new CutShortError(where, `it ends part-way through row ${count(row)} (${found} of its ${columns} columns, and no line break after it)`);
      }
      yield value;
    }
  } catch (error) {
    // The parser finds an unclosed quote only at the end, and drops the rows it had not handed on.
    if (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new CutShortError(where, `it ends inside a quoted value of row ${count(Number(error.records ?? row) + 1)}`);
    }
    if (error instanceof CsvError) throw new Error(`${where} is not well-formed CSV: ${error.message}`);
    throw error;
  }
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
