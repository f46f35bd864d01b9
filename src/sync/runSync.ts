import type { Knex } from 'knex';
import type { ConnectorDefinition, MappingContext } from './stream';
import { selectStreams } from './selection';
import { syncStream, type StreamHttpRetry, type StreamSummary } from './engine';
import type { RunTrigger } from './runs';
import type { HttpClient } from './http/httpClient';

export interface RunSyncOptions {
  knex: Knex;
  connectors: readonly ConnectorDefinition[];
  /** Base URL of each connector's feed, by connector name. */
  feedUrl: (connector: string) => string;
  mapping: MappingContext;
  selectors?: string[];
  full?: boolean;
  since?: string;
  file?: string;
  trigger?: RunTrigger;
  http?: HttpClient;
  timeLimitMs?: number;
  signal?: AbortSignal;
  onStreamStart?: (name: string) => void;
  onProgress?: (name: string, progress: { fetched: number; total?: number }) => void;
  onStreamEnd?: (summary: StreamSummary) => void;
  onHttpRetry?: (retry: StreamHttpRetry) => void;
}

/** Runs the selected streams one after another and returns a summary per stream. */
export async function runSync(options: RunSyncOptions): Promise<StreamSummary[]> {
  const selected = selectStreams(options.connectors, options.selectors);
  if (options.file && selected.length !== 1) {
    throw new Error(`--file loads one stream; name it, e.g. "hub sync credit/penalties --file dump.csv" (got ${selected.length} streams)`);
  }
  const summaries: StreamSummary[] = [];
  for (const { connector, stream } of selected) {
    const name = `${connector.name}/${stream.name}`;
    options.onStreamStart?.(name);
    const summary = await syncStream({
      knex: options.knex,
      connector,
      stream,
      baseUrl: options.feedUrl(connector.name),
      mapping: options.mapping,
      trigger: options.trigger,
      full: options.full,
      since: options.since,
      file: options.file,
      http: options.http,
      timeLimitMs: options.timeLimitMs,
      signal: options.signal,
      onProgress: (p) => options.onProgress?.(name, p),
      onHttpRetry: options.onHttpRetry,
    });
    summaries.push(summary);
    options.onStreamEnd?.(summary);
  }
  return summaries;
}
