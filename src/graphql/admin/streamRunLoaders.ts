import type { Knex } from 'knex';
import { latestRunsOfEachStream } from '../feeds/latestRuns';
import { servedSyncRun, type ServedSyncRun } from './servedSyncRun';

/**
 * What the operations view asks of every stream, loaded for all streams at once on first use and
 * shared by the request's stream entries: a page of thirteen streams costs one statement per
 * field asked, not one per stream. Built per request, so nothing outlives it.
 */
export function streamRunLoaders(knex: Knex, streams: readonly string[]) {
  const recentRuns = new Map<number, Promise<Map<string, any[]>>>();
  let failures: Promise<Map<string, any[]>> | undefined;
  let openQuarantine: Promise<Map<string, number>> | undefined;
  return {
    /** The stream's newest `first` runs; each distinct `first` in a request is one statement. */
    async lastRuns(stream: string, first: number): Promise<ServedSyncRun[]> {
      if (!recentRuns.has(first)) recentRuns.set(first, latestRunsOfEachStream(knex, streams, { limit: first }));
      return ((await recentRuns.get(first)!).get(stream) ?? []).map(servedSyncRun);
    },
    async lastFailure(stream: string): Promise<ServedSyncRun | null> {
      failures ??= latestRunsOfEachStream(knex, streams, { limit: 1, statuses: ['failed'] });
      const [run] = (await failures).get(stream) ?? [];
      return run ? servedSyncRun(run) : null;
    },
    async openQuarantine(stream: string): Promise<number> {
      openQuarantine ??= openQuarantineByStream(knex);
      return (await openQuarantine).get(stream) ?? 0;
    },
  };
}

export type StreamRunLoaders = ReturnType<typeof streamRunLoaders>;

async function openQuarantineByStream(knex: Knex): Promise<Map<string, number>> {
  const rows = await knex('quarantine').where({ status: 'open' }).groupBy('stream').select('stream').count({ n: '*' });
  return new Map(rows.map((r: any) => [r.stream, Number(r.n)]));
}
