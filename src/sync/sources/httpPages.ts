import type { Page, Source, SourceContext } from './source';

export interface HttpPagesOptions {
  /** Path under the connector's base URL. */
  path: string;
  pageSize?: number;
  /**
   * How the source pages: `page` (page=1,2,… and a size), `offset` (offset=0,500,… and a limit) or
   * `next` (each envelope carries the URL of the next page).
   */
  paging?: 'page' | 'offset' | 'next';
  /** Query parameter that asks for records at or after the cursor, when the source has one. */
  sinceParam?: string;
  /** Envelope fields: where the records, the total and the next link are. */
  recordsField?: string;
  totalField?: string;
  nextField?: string;
  pageParam?: string;
  offsetParam?: string;
  sizeParam?: string;
  /** Fixed query parameters the source needs. */
  query?: Record<string, string>;
}

/** Paged HTTP JSON. Reading stops on an empty page or when the envelope's total is reached. */
export function httpPages(options: HttpPagesOptions): Source {
  const o = {
    pageSize: 500,
    paging: 'page' as const,
    recordsField: 'data',
    totalField: 'total',
    nextField: 'next',
    pageParam: 'page',
    offsetParam: 'offset',
    sizeParam: 'pageSize',
    ...options,
  };
  return {
    async *pages(context: SourceContext): AsyncIterable<Page> {
      let url: string | undefined = firstUrl(o, context);
      let read = 0;
      for (let index = 0; url; index++) {
        const envelope = await context.http.getJson(url, context.signal);
        const { records, total, next } = unwrap(envelope, o, url);
        if (records.length === 0) return;
        yield { records, total };
        read += records.length;
        if (total !== undefined && read >= total) return;
        url = o.paging === 'next' ? next && new URL(next, url).toString() : pageUrl(o, context, index + 1);
      }
    },
  };
}

type Options = Required<Omit<HttpPagesOptions, 'sinceParam' | 'query'>> & Pick<HttpPagesOptions, 'sinceParam' | 'query'>;

function firstUrl(o: Options, context: SourceContext): string {
  return pageUrl(o, context, 0);
}

function pageUrl(o: Options, context: SourceContext, index: number): string {
  const url = new URL(context.baseUrl.replace(/\/?$/, '/') + o.path.replace(/^\//, ''));
  for (const [name, value] of Object.entries(o.query ?? {})) url.searchParams.set(name, value);
  if (o.paging === 'offset') url.searchParams.set(o.offsetParam, String(index * o.pageSize));
  else url.searchParams.set(o.pageParam, String(index + 1));
  url.searchParams.set(o.sizeParam, String(o.pageSize));
  if (o.sinceParam && context.since) url.searchParams.set(o.sinceParam, context.since);
  return url.toString();
}

function unwrap(envelope: unknown, o: Options, url: string): { records: unknown[]; total?: number; next?: string } {
  const body = envelope as Record<string, unknown>;
  const records = Array.isArray(envelope) ? envelope : body?.[o.recordsField];
  if (!Array.isArray(records)) {
    throw new Error(`GET ${url}: expected the records in "${o.recordsField}" to be an array, got ${describe(records)}`);
  }
  const total = Array.isArray(envelope) ? undefined : toNumber(body[o.totalField]);
  const next = Array.isArray(envelope) ? undefined : (body[o.nextField] as string | undefined) || undefined;
  return { records, total, next };
}

function toNumber(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}
