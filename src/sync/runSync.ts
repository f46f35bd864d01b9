import type { Knex } from 'knex';
import type { ConnectorDefinition, MappingContext, StreamDefinition } from './stream';
import { selectStreams } from './selection';
import { describeError, StreamBusyError, syncStream, type StreamHttpRetry, type StreamSummary } from './engine';
import { zeroCounts, type RunTrigger } from './runs';
import { settleDeferredRuns } from './runSettlement';
import type { HttpClient } from './http/httpClient';
import type { Reviewer } from '../review/reviewer';

export interface RunSyncOptions {
  knex: Knex;
  connectors: readonly ConnectorDefinition[];
  /** Base URL of each connector's feed, by connector name. */
  feedUrl: (connector: string) => string;
  mapping: MappingContext;
  /** The secrecy and privacy review every mapped record passes (createReviewer over the deployment's rules). */
  review: Reviewer;
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

/**
 * Runs the selected streams one after another and returns a summary per stream. A stream that
 * fails — even because the database went away — fails alone: its summary says why, and the next
 * stream runs (the database may be back by then). A stop (the signal) ends the loop: no stream
 * starts after it. A stream busy elsewhere still throws StreamBusyError, as before.
 */
export async function runSync(options: RunSyncOptions): Promise<StreamSummary[]> {
  const selected = selectStreams(options.connectors, options.selectors);
  if (options.file && selected.length !== 1) {
    throw new Error(`--file loads one stream; name it, e.g. "hub sync credit/penalties --file dump.csv" (got ${selected.length} streams)`);
  }
  const summaries: StreamSummary[] = [];
  for (const { connector, stream } of selected) {
    if (options.signal?.aborted) break;
    const name = `${connector.name}/${stream.name}`;
    options.onStreamStart?.(name);
    const summary = await syncOrDescribe(connector, stream, () => syncStream({
      knex: options.knex,
      connector,
      stream,
      baseUrl: options.feedUrl(connector.name),
      mapping: options.mapping,
      review: options.review,
      trigger: options.trigger,
      full: options.full,
      since: options.since,
      file: options.file,
      http: options.http,
      timeLimitMs: options.timeLimitMs,
      signal: options.signal,
      onProgress: (p) => options.onProgress?.(name, p),
      onHttpRetry: options.onHttpRetry,
    }));
    summaries.push(summary);
    options.onStreamEnd?.(summary);
  }
  // A run whose end could not be recorded is recorded now if the database is back.
  await settleDeferredRuns(options.knex);
  return summaries;
}

/** The stream's summary, or a failed one saying why it could not even start its run. */
async function syncOrDescribe(connector: ConnectorDefinition, stream: StreamDefinition, sync: () => Promise<StreamSummary>): Promise<StreamSummary> {
  const started = Date.now();
  try {
    return await sync();
  } catch (error) {
    if (error instanceof StreamBusyError) throw error;
    return { connector: connector.name, stream: stream.name, status: 'failed', ...zeroCounts(), durationMs: Date.now() - started, error: `the run could not start: ${describeError(error)}` };
  }
}
