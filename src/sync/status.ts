import type { RunReport } from './runs';
import type { Knex } from 'knex';
import type { ConnectorDefinition } from './stream';
import { selectStreams, fullName } from './selection';
import { nextFire } from './nextFire';
import { lastReconciliations, reconcileStatus, type ReconcileStatus } from './reconcileStatus';
import type { ReconcileOverride } from './reconcileSetting';
import { reviewSummary } from '../review/store';

export interface StreamStatus {
  stream: string;
  cursor: string | null;
  schedule: string | null;
  nextRun: string | null;
  lastRun: (RunReport & { id: number; trigger: string }) | null;
  quarantineOpen: number;
  disclosures: number;
  reconcile: ReconcileStatus;
  /** Its records held by the review (保密审查), waiting for a decision, and since when the oldest waits. */
  review: { held: number; oldestHeldAt: Date | null };
}

export interface StatusOptions {
  /** Cron expression per stream (HUB_CRON_*), overriding the stream's own. */
  schedules?: Record<string, string>;
  /** Reconciliation per stream (HUB_RECONCILE_*), overriding the stream's own. */
  reconciliations?: Record<string, ReconcileOverride>;
  timezone?: string;
}

/**
 * What `hub status` shows: per stream, its cursor, last run, next scheduled fire, open quarantine,
 * its reconciliation (last one, what it found, next fire) and what the review holds of it.
 */
export async function streamStatuses(knex: Knex, connectors: readonly ConnectorDefinition[], options: StatusOptions = {}): Promise<StreamStatus[]> {
  const { schedules = {}, reconciliations = {}, timezone = 'Asia/Shanghai' } = options;
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
  const reconciled = await lastReconciliations(knex);
  const held = new Map((await reviewSummary(knex)).byStream.map((s) => [s.stream, s]));
  return selectStreams(connectors).map((s) => {
    const name = fullName(s);
    const schedule = schedules[name] ?? s.stream.schedule ?? null;
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
            removed: run.removed,
            held: run.held,
            error: run.error,
          }
        : null,
      quarantineOpen: quarantined.get(name) ?? 0,
      disclosures: stored.get(name) ?? 0,
      reconcile: reconcileStatus(s, reconciled.get(name), reconciliations[name], timezone),
      review: { held: held.get(name)?.held ?? 0, oldestHeldAt: held.get(name)?.oldestHeldAt ?? null },
    };
  });
}
