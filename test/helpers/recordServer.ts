import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordServer {
  url: string;
  close(): Promise<void>;
}

/**
 * A feed of hand-made records at one path, paged as the sample feeds page (`?page=1,2,…`, an
 * envelope `{data, total}`), but with the server's own small page size so a test controls which
 * records share a page. JSON.stringify writes a NUL or a lone surrogate as a \u escape, so the
 * client parses back exactly the string the test built.
 */
export function serveRecords(path: string, records: unknown[], pageSize: number): Promise<RecordServer> {
  return serveRecordsAt({ [path]: records }, pageSize);
}

/**
 * As serveRecords, at several paths of one base URL (one connector's streams). The arrays are read
 * at each request, so a test that changes one publishes the change, as a source does.
 */
export async function serveRecordsAt(feeds: Record<string, unknown[]>, pageSize: number): Promise<RecordServer> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const records = feeds[url.pathname];
    if (!records) {
      response.writeHead(404).end();
      return;
    }
    const page = Number(url.searchParams.get('page') ?? '1');
    const data = records.slice((page - 1) * pageSize, page * pageSize);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ data, total: records.length }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A valid air-hourly record, varied by station and hour so each is a distinct disclosure. */
export function airReading(station: number, hour: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    stationCode: `${1000 + station}A`,
    positionName: `监测站${station}`,
    area: '大庆市',
    timePoint: `2026-09-30 ${String(hour).padStart(2, '0')}:00:00`,
    so2: '8',
    no2: '35',
    pm10: '70',
    co: '0.7',
    o3: '20',
    o3_8h: '18',
    pm2_5: '44',
    ...overrides,
  };
}
