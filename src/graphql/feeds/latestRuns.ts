import type { Knex } from 'knex';

/** Which runs count, and how many of each stream's newest to take. */
export interface LatestRunsQuery {
  limit: number;
  /** Only runs in one of these states; every state when absent. */
  statuses?: readonly string[];
  /** Leave out runs started this way. */
  exceptTriggers?: readonly string[];
}

/** The columns of `sync_runs` a served run needs: not the host, pid or cursors. */
export const RUN_COLUMNS = ['id', 'stream', 'trigger', 'status', 'started_at', 'finished_at', 'fetched', 'inserted', 'updated', 'unchanged', 'quarantined', 'removed', 'held', 'error'];

/**
 * The newest runs of every named stream, in one statement whatever the number of streams: a
 * lateral subquery per stream walks the (stream, started_at desc) index and stops after `limit`
 * rows, so it costs the same after years of runs as after a day. Runs come back newest first.
 */
export async function latestRunsOfEachStream(knex: Knex, streams: readonly string[], query: LatestRunsQuery): Promise<Map<string, any[]>> {
  const byStream = new Map<string, any[]>(streams.map((s) => [s, []]));
  if (!streams.length || query.limit <= 0) return byStream;
  const runs = knex('sync_runs as r')
    .select(RUN_COLUMNS.map((c) => `r.${c}`))
    .whereRaw('r.stream = s.stream')
    .orderBy('r.started_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(query.limit);
  if (query.statuses) runs.whereIn('r.status', [...query.statuses]);
  if (query.exceptTriggers?.length) runs.whereNotIn('r.trigger', [...query.exceptTriggers]);
  const names = streams.map(() => '(?::text)').join(', ');
  const rows = await knex
    .select('latest.*')
    .from(knex.raw(`(values ${names}) as s(stream)`, [...streams]))
    .joinRaw('cross join lateral (?) as latest', [runs])
    .orderBy([{ column: 'latest.stream' }, { column: 'latest.started_at', order: 'desc' }, { column: 'latest.id', order: 'desc' }]);
  for (const row of rows) byStream.get(row.stream)?.push(row);
  return byStream;
}
