import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FeedOptions, IndexedFeed } from './feed';
import { FaultInjector, type FaultPlan } from './faults';
import { serveCsvExport } from './csvExport';

export interface FeedServerOptions extends Partial<FeedOptions> {
  feeds: readonly IndexedFeed[];
  port?: number;
  host?: string;
  faults?: FaultPlan;
  /** Largest page a client may ask for. */
  maxPageSize?: number;
}

export interface RunningFeedServer {
  url: string;
  port: number;
  faults: FaultInjector;
  /** Requests served so far, by path: tests use it to see retries happen. */
  requests: Map<string, number>;
  close(): Promise<void>;
}

// 300 records per stream: the daily environmental feeds then run up to late November 2026, the
// samples' "today", and a first start syncs in seconds. Benchmarks ask for more with --scale.
export const DEFAULT_FEED_OPTIONS: FeedOptions = { seed: 42, scale: 300, malformedRate: 0.02, edition: 1 };

/**
 * The bundled sample feed server: each stream's sample feed in its source's own format,
 * paged, filtered by `since`, deterministic by seed, with switches to inject faults. A control
 * endpoint (`PUT /_control`) changes faults and edition while it runs.
 */
export async function startFeedServer(options: FeedServerOptions): Promise<RunningFeedServer> {
  const feedOptions: FeedOptions = {
    seed: options.seed ?? DEFAULT_FEED_OPTIONS.seed,
    scale: options.scale ?? DEFAULT_FEED_OPTIONS.scale,
    malformedRate: options.malformedRate ?? DEFAULT_FEED_OPTIONS.malformedRate,
    edition: options.edition ?? DEFAULT_FEED_OPTIONS.edition,
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
  };
  const faults = new FaultInjector();
  faults.set(options.faults ?? {});
  const requests = new Map<string, number>();
  const byPath = new Map(options.feeds.map((f) => [f.path, f]));
  const maxPageSize = options.maxPageSize ?? 5000;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://feeds');
    requests.set(url.pathname, (requests.get(url.pathname) ?? 0) + 1);
    if (url.pathname === '/_control') return control(req, res, faults, feedOptions);
    const feed = byPath.get(url.pathname);
    if (!feed) return sendJson(res, url.pathname === '/' ? 200 : 404, index(options.feeds, url.pathname));
    if (feed.format === 'csv') return serveCsvExport(res, feed, feedOptions, faults.next(url.searchParams.get('fault')), faults.slowMs);
    serveWithFaults(res, faults, url, () => page(feed, url, feedOptions, maxPageSize));
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'}:${port}`,
    port,
    faults,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function page(feed: IndexedFeed, url: URL, o: FeedOptions, maxPageSize: number): { status: number; body: unknown } {
  const size = intParam(url, 'pageSize') ?? intParam(url, 'limit') ?? 100;
  if (size < 1 || size > maxPageSize) return { status: 400, body: { success: false, message: `pageSize must be 1–${maxPageSize}` } };
  const since = url.searchParams.get('since');
  const first = since && feed.firstIndexSince ? feed.firstIndexSince(since, o) : 0;
  const total = Math.max(0, feed.count(o) - first);
  const offset = intParam(url, 'offset') ?? ((intParam(url, 'page') ?? 1) - 1) * size;
  const data = [];
  for (let i = first + offset; i < Math.min(first + offset + size, first + total); i++) data.push(feed.record(i, o));
  const next = offset + size < total ? nextLink(url, offset + size, size) : null;
  return { status: 200, body: { success: true, total, page: Math.floor(offset / size) + 1, pageSize: size, data, next } };
}

/** The next page as a relative link, for clients that follow links rather than count pages. */
function nextLink(url: URL, offset: number, size: number): string {
  const next = new URL(url.toString());
  next.searchParams.delete('page');
  next.searchParams.delete('pageSize');
  next.searchParams.set('offset', String(offset));
  next.searchParams.set('limit', String(size));
  return `${next.pathname}${next.search}`;
}

function serveWithFaults(res: http.ServerResponse, faults: FaultInjector, url: URL, answer: () => { status: number; body: unknown }): void {
  const fault = faults.next(url.searchParams.get('fault'));
  if (fault === 'down') return sendJson(res, 503, { success: false, message: 'service unavailable' });
  if (fault === 'error') return sendJson(res, 500, { success: false, message: 'internal error' });
  if (fault === 'throttled') {
    res.setHeader('retry-after', '1');
    return sendJson(res, 429, { success: false, message: 'too many requests' });
  }
  if (fault === 'slow') {
    const timer = setTimeout(() => sendAnswer(res, answer()), faults.slowMs);
    res.on('close', () => clearTimeout(timer));
    return;
  }
  if (fault === 'truncated') {
    const { body } = answer();
    const text = JSON.stringify(body);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(text.slice(0, Math.floor(text.length / 2)));
    return;
  }
  sendAnswer(res, answer());
}

function sendAnswer(res: http.ServerResponse, { status, body }: { status: number; body: unknown }): void {
  sendJson(res, status, body);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function control(req: http.IncomingMessage, res: http.ServerResponse, faults: FaultInjector, o: FeedOptions): void {
  if (req.method === 'GET') return sendJson(res, 200, { faults: faults.current(), options: o });
  let text = '';
  req.on('data', (chunk) => (text += chunk));
  req.on('end', () => {
    try {
      const body = JSON.parse(text || '{}') as { faults?: FaultPlan; edition?: number; scale?: number };
      if (body.faults) faults.set(body.faults);
      if (body.edition) o.edition = body.edition;
      if (body.scale) o.scale = body.scale;
      sendJson(res, 200, { faults: faults.current(), options: o });
    } catch (error) {
      sendJson(res, 400, { message: `control body is not JSON: ${(error as Error).message}` });
    }
  });
}

function index(feeds: readonly IndexedFeed[], path: string) {
  return {
    message: path === '/' ? 'Disclosure Hub sample feeds' : `no feed at ${path}`,
    feeds: feeds.map((f) => f.path),
    paging: 'page=<n>&pageSize=<n> or offset=<n>&limit=<n>; since=<YYYY-MM-DD HH:mm:ss> where the feed has a time',
    control: 'PUT /_control {"faults":{"errors":3,"slow":1,"slowMs":20000,"truncated":1,"throttled":1,"down":false},"edition":2}',
  };
}

function intParam(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null) return undefined;
  const n = Number(raw);
  return Number.isInteger(n) ? n : undefined;
}
