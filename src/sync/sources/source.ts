import type { HttpClient } from '../http/httpClient';

/** What a source gets from the engine for one read. */
export interface SourceContext {
  /** Base URL of the connector's feed endpoints. */
  baseUrl: string;
  /** Read records whose cursor is at or after this position; undefined reads everything. */
  since?: string;
  http: HttpClient;
  signal: AbortSignal;
}

export interface Page {
  records: unknown[];
  /** Total records the source says it will return, when it says so: drives the progress bar. */
  total?: number;
}

/**
 * Where a stream's records come from. A source yields pages one at a time so the engine can write
 * and checkpoint each before reading the next: a feed is never held in memory whole.
 */
export interface Source {
  pages(context: SourceContext): AsyncIterable<Page>;
}
