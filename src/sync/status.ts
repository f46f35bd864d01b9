import type { Knex } from 'knex';
import type { ConnectorDefinition } from './stream';
import { selectStreams, fullName } from './selection';
import { upcomingFires } from './cronTimes';

export interface StreamStatus {
  stream: string;
  cursor: string | null;
  schedule: string | null;
  nextRun: string | null;
  lastRun: {
    id: number;
    trigger: string;
    status: string;
    startedAt: Date;
    finishedAt: Date | null;
    fetched: number;
    inserted: number;
    updated: number;
    unchanged: number;
    quarantined: number;
    error: string | null;
  } | null;
  quarantineOpen: number;
  disclosures: number;
}

/** What `hub status` shows: per stream, its cursor, last run, next scheduled fire and open quarantine. */
export async function streamStatuses(knex: Knex, connectors: readonly ConnectorDefinition[], overrides: Record<string, string> = {}, timezone = 'Asia/Shanghai'): Promise<StreamStatus[]> {
  const cursors = new Map((await knex('sync_state').select('stream', 'cursor')).map((r: any) => [r.stream, r.cursor]));
  const lastRuns = new Map(
    (
      await knex
        .select('*')
        .from(knex('sync_runs').select('*', knex.raw('row_number() over (partition by stream order by id desc) as rn')).as('r'))
        .where('rn', 1)
    ).map((r: any) => [r.stream, r]),
  );
  const quarantined = new Map(
    (await knex('quarantine').where({ status: 'open' }).groupBy('stream').select('stream').count({ n: '*' })).map((r: any) => [r.stream, Number(r.n)]),
  );
  const stored = new Map(
    (await knex('disclosures').groupBy('stream').select('stream').count({ n: '*' })).map((r: any) => [r.stream, Number(r.n)]),
  );
  return selectStreams(connectors).map((s) => {
    const name = fullName(s);
    const schedule = overrides[name] ?? s.stream.schedule ?? null;
    const run = lastRuns.get(name);
    return {
      stream: name,
      cursor: cursors.get(name) ?? null,
      schedule,
      nextRun: schedule ? nextFire(schedule, timezone) : null,
      lastRun: run
        ? {
            id: Number(run.id),
            trigger: run.trigger,
            status: run.status,
            startedAt: run.started_at,
            finishedAt: run.finished_at,
            fetched: run.fetched,
            inserted: run.inserted,
            updated: run.updated,
            unchanged: run.unchanged,
            quarantined: run.quarantined,
            error: run.error,
          }
        : null,
      quarantineOpen: quarantined.get(name) ?? 0,
      disclosures: stored.get(name) ?? 0,
    };
  });
}

function nextFire(expression: string, timezone: string): string | null {
  const [next] = upcomingFires(expression, 1, timezone);
  return next ? next.toISOString() : null;
}
