import type { Knex } from 'knex';
import type { ConnectorDefinition, MappingContext } from './stream';
import type { StreamHttpRetry, StreamSummary } from './engine';
import { runSync, type RunSyncOptions } from './runSync';
import type { Reviewer } from '../review/reviewer';

/**
 * Every sync a running hub starts — at start-up, on schedule, through the admin API — goes
 * through one supervisor, so that stopping the hub can stop them all: it aborts their reads, lets
 * each finish (commit or roll back) the batch it is writing, and waits for them to mark their runs
 * and release their leases before the database closes.
 */
export interface SyncSupervisor {
  run(options: Omit<RunSyncOptions, 'knex' | 'connectors' | 'feedUrl' | 'mapping' | 'review' | 'signal'>): Promise<StreamSummary[]>;
  track<T>(work: Promise<T>): Promise<T>;
  signal: AbortSignal;
  stop(): Promise<void>;
}

export function createSyncSupervisor(options: {
  knex: Knex;
  connectors: readonly ConnectorDefinition[];
  feedUrl: (connector: string) => string;
  mapping: MappingContext;
  review: Reviewer;
  onStreamEnd?: (summary: StreamSummary) => void;
  onHttpRetry?: (retry: StreamHttpRetry) => void;
}): SyncSupervisor {
  const stopping = new AbortController();
  const active = new Set<Promise<unknown>>();

  function track<T>(work: Promise<T>): Promise<T> {
    active.add(work);
    const forget = () => active.delete(work);
    work.then(forget, forget);
    return work;
  }

  return {
    signal: stopping.signal,
    track,
    run: (runOptions) => {
      if (stopping.signal.aborted) return Promise.reject(new Error('the hub is shutting down; no new syncs start'));
      return track(
        runSync({
          ...runOptions,
          knex: options.knex,
          connectors: options.connectors,
          feedUrl: options.feedUrl,
          mapping: options.mapping,
          review: options.review,
          signal: stopping.signal,
          onHttpRetry: options.onHttpRetry,
          onStreamEnd: (summary) => {
            options.onStreamEnd?.(summary);
            runOptions.onStreamEnd?.(summary);
          },
        }),
      );
    },
    stop: async () => {
      stopping.abort(new Error('the hub is shutting down'));
      await Promise.allSettled([...active]);
    },
  };
}
