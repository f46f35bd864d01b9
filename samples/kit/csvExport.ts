import type http from 'node:http';
import { stringify, type Options as CsvOptions } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import type { FeedOptions, IndexedFeed } from './feed';
import type { Fault } from './faults';

/** Rows computed, written as CSV and encoded at a time: few writes, and no more memory than that. */
const ROWS_PER_WRITE = 100;
const CRLF = '\r\n';

/**
 * Serves a feed as one CSV export file, as older government systems publish them, written a batch
 * of rows at a time with back-pressure so a large export costs no memory. Faults apply as for
 * paged feeds; a truncated export stops half-way through a row.
 */
export function serveCsvExport(res: http.ServerResponse, feed: IndexedFeed, options: FeedOptions, fault: Fault, slowMs: number): void {
  if (fault === 'down' || fault === 'error' || fault === 'throttled') {
    const status = fault === 'down' ? 503 : fault === 'error' ? 500 : 429;
    if (fault === 'throttled') res.setHeader('retry-after', '1');
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(`error ${status}`);
    return;
  }
  const start = () => writeRows(res, feed, options, fault === 'truncated');
  if (fault === 'slow') {
    const timer = setTimeout(start, slowMs);
    res.on('close', () => clearTimeout(timer));
  } else start();
}

/**
 * CSV as those systems write it: the column names as a header, CRLF after every row, a field quoted
 * only when it holds a comma, a quote or a line break (a lone LF or CR too: csv-stringify quotes
 * only the record delimiter itself once one is given). A value is written as String() writes it,
 * not as csv-stringify casts it by default (true as 1, a date as milliseconds, an object as JSON).
 */
function csvDialect(columns: readonly string[]): CsvOptions {
  return {
    columns: [...columns],
    record_delimiter: CRLF,
    quote_record_delimiter: true,
    cast: { boolean: String, date: String, object: String },
  };
}

function writeRows(res: http.ServerResponse, feed: IndexedFeed, options: FeedOptions, truncate: boolean): void {
  const dialect = csvDialect(feed.csvColumns ?? []);
  const encoding = feed.encoding ?? 'utf-8';
  const encode = (text: string) => (encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, encoding));
  const total = feed.count(options);
  // A truncated export holds the first half of the rows, the last of them cut half-way.
  const sent = truncate ? Math.floor(total / 2) : total;
  const cutRow = truncate && sent > 0 ? sent - 1 : undefined;
  const wholeRows = cutRow ?? sent;
  res.writeHead(200, {
    'content-type': `text/csv; charset=${encoding}`,
    'content-disposition': `attachment; filename="${feed.path.split('/').pop()}.csv"`,
  });
  let next = 0;
  const pump = () => {
    while (next < wholeRows) {
      const end = Math.min(wholeRows, next + ROWS_PER_WRITE);
      const records = Array.from({ length: end - next }, (_, k) => feed.record(next + k, options));
      next = end;
      if (!res.write(encode(stringify(records, dialect)))) return void res.once('drain', pump);
    }
    if (cutRow === undefined) return void res.end();
    const row = stringify([feed.record(cutRow, options)], dialect).slice(0, -CRLF.length);
    res.end(encode(row.slice(0, Math.ceil(row.length / 2))), () => res.destroy());
  };
  if (res.write(encode(stringify([], { ...dialect, header: true })))) pump();
  else res.once('drain', pump);
}
