import type http from 'node:http';
import iconv from 'iconv-lite';
import type { FeedOptions, IndexedFeed } from './feed';
import type { Fault } from './faults';

/**
 * Serves a feed as one CSV export file, as older government systems publish them, written row by
 * row with back-pressure so a large export costs no memory. Faults apply as for paged feeds; a
 * truncated export stops half-way through a row.
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

function writeRows(res: http.ServerResponse, feed: IndexedFeed, options: FeedOptions, truncate: boolean): void {
  const columns = feed.csvColumns ?? [];
  const encoding = feed.encoding ?? 'utf-8';
  const total = feed.count(options);
  const stopAt = truncate ? Math.floor(total / 2) : total;
  res.writeHead(200, {
    'content-type': `text/csv; charset=${encoding}`,
    'content-disposition': `attachment; filename="${feed.path.split('/').pop()}.csv"`,
  });
  let index = 0;
  let headerSent = false;
  const encode = (text: string) => (encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, encoding));
  const pump = () => {
    if (!headerSent) {
      headerSent = true;
      if (!res.write(encode(`${columns.join(',')}\r\n`))) return void res.once('drain', pump);
    }
    while (index < stopAt) {
      const record = feed.record(index++, options) as Record<string, unknown>;
      const line = columns.map((c) => csvField(record[c])).join(',');
      if (truncate && index === stopAt) return void res.end(encode(line.slice(0, Math.ceil(line.length / 2))), () => res.destroy());
      if (!res.write(encode(`${line}\r\n`))) return void res.once('drain', pump);
    }
    res.end();
  };
  pump();
}

function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
