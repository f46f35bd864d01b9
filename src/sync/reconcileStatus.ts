import type { RunReport } from './runs';
import type { Knex } from 'knex';
import type { SelectedStream } from './selection';
import { fullName } from './selection';
import { describeWindow, reconcileSetting, type ReconcileOverride } from './reconcileSetting';
import { nextFire } from './nextFire';

/** A stream's reconciliation in `hub status`: how it is set, when it fires next, what it last found. */
export interface ReconcileStatus {
  /**
   * `scheduled`: fires on `schedule`. `off`: runs only when asked (`hub sync --reconcile`).
   * `every-run`: the stream is read whole on every run, so there is nothing to reconcile (`note` says why).
   */
  state: 'scheduled' | 'off' | 'every-run';
  schedule: string | null;
  /** "whole source" or "last 30 days" (before the committed cursor); null for `every-run`. */
  window: string | null;
  nextFire: string | null;
  note: string | null;
  /** The latest reconciliation: `updated` = corrections found, `inserted` = records the incremental reads missed. */
  lastRun: ReconcileRun | null;
}

export interface ReconcileRun extends Omit<RunReport, 'removed'> {
  id: number;
  /** Where it started reading; null for the whole source. */
  readFrom: string | null;
}

/** The latest run with the trigger `reconcile` of each stream. */
export async function lastReconciliations(knex: Knex): Promise<Map<string, ReconcileRun>> {
  const rows = await knex
    .select('*')
    .from(
      knex('sync_runs')
        .where({ trigger: 'reconcile' })
        .select('*', knex.raw('row_number() over (partition by stream order by id desc) as rn'))
        .as('r'),
    )
    .where('rn', 1);
  return new Map(
    rows.map((r: any) => [
      r.stream,
      {
        id: Number(r.id),
        status: r.status,
        startedAt: r.started_at,
        finishedAt: r.finished_at,
        readFrom: r.cursor_from,
        fetched: r.fetched,
        inserted: r.inserted,
        updated: r.updated,
        unchanged: r.unchanged,
        quarantined: r.quarantined,
        held: r.held,
        error: r.error,
      },
    ]),
  );
}

export function reconcileStatus(selected: SelectedStream, lastRun: ReconcileRun | undefined, override: ReconcileOverride | undefined, timezone: string): ReconcileStatus {
  const setting = reconcileSetting(selected, override);
  if (!setting.reconciled) return { state: 'every-run', schedule: null, window: null, nextFire: null, note: `${setting.reason}; nothing to reconcile`, lastRun: null };
  return {
    state: setting.schedule ? 'scheduled' : 'off',
    schedule: setting.schedule,
    window: describeWindow(setting.windowDays),
    nextFire: setting.schedule ? nextFire(setting.schedule, timezone) : null,
    note: setting.schedule ? null : `not scheduled; run "hub sync --reconcile ${fullName(selected)}"`,
    lastRun: lastRun ?? null,
  };
}
