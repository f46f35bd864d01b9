import type { Knex } from 'knex';
import type { ConnectorDefinition } from './stream';
import type { StreamSummary } from './engine';
import { runSync, type RunSyncOptions } from './runSync';
import { fullName, selectStreams } from './selection';
import { readCursor } from './store/syncState';
import { withLookBack } from './cursor';
import { describeWindow, reconcileSetting, type ReconcileOverride } from './reconcileSetting';

/**
 * A reconciliation re-reads a stream's source, whole or its last N days, to find what incremental
 * runs cannot see: a correction to a record older than the look-back (the source keeps the
 * record's place in its list), or a record published late with an old cursor. It is an ordinary
 * run of the engine (same lease, same change detection, same revisions) recorded with the trigger
 * `reconcile`, so its counts say what it found: `updated` = corrections, `inserted` = records the
 * incremental reads missed. The engine only ever moves the committed cursor forwards, so reading
 * from further back never moves it backwards.
 */
export interface ReconcileOptions extends Omit<RunSyncOptions, 'full' | 'since' | 'file' | 'trigger'> {
  /** HUB_RECONCILE_* overrides, by stream name. */
  overrides?: Record<string, ReconcileOverride>;
  /** Re-read the whole source even where the setting has a window (`hub sync --reconcile --full`). */
  whole?: boolean;
}

export interface ReconcileSummary extends StreamSummary {
  /** What was re-read: "whole source" or "last 30 days". */
  window: string;
}

export interface ReconcileOutcome {
  summaries: ReconcileSummary[];
  /** Selected streams that are read whole on every run, with why: reconciling them would read them twice. */
  skipped: SkippedStream[];
}

export interface SkippedStream {
  stream: string;
  reason: string;
}

/** Reconciles the selected streams one after another; streams read whole on every run are skipped, with the reason. */
export async function reconcileStreams(options: ReconcileOptions): Promise<ReconcileOutcome> {
  const { overrides, whole, ...runOptions } = options;
  const { streams, skipped } = reconcilableStreams(options.connectors, options.selectors, overrides);
  const summaries: ReconcileSummary[] = [];
  for (const { name, windowDays: declaredDays } of streams) {
    const windowDays = whole ? null : declaredDays;
    const since = await windowStart(options.knex, name, windowDays);
    // A window that cannot be placed (no committed cursor yet, or one that is not a time) is read whole.
    const [summary] = await runSync({ ...runOptions, selectors: [name], trigger: 'reconcile', since, full: since === undefined });
    if (!summary) break; // a stopping hub starts no further run
    summaries.push({ ...summary, window: describeWindow(since === undefined ? null : windowDays) });
  }
  return { summaries, skipped };
}

/** Which of the selected streams a reconciliation reads, with their windows, and which it skips and why. */
export function reconcilableStreams(
  connectors: readonly ConnectorDefinition[],
  selectors: string[] = [],
  overrides: Record<string, ReconcileOverride> = {},
): { streams: Array<{ name: string; windowDays: number | null }>; skipped: SkippedStream[] } {
  const streams: Array<{ name: string; windowDays: number | null }> = [];
  const skipped: SkippedStream[] = [];
  for (const selected of selectStreams(connectors, selectors)) {
    const name = fullName(selected);
    const setting = reconcileSetting(selected, overrides[name]);
    if (setting.reconciled) streams.push({ name, windowDays: setting.windowDays });
    else skipped.push({ stream: name, reason: setting.reason });
  }
  return { streams, skipped };
}

/**
 * Where a windowed reconciliation starts: N days before the committed cursor, i.e. before the
 * newest record the source has given, not before today, so a source that has paused for a while
 * is still reconciled over its last N days of records.
 */
async function windowStart(knex: Knex, stream: string, windowDays: number | null): Promise<string | undefined> {
  if (windowDays === null) return undefined;
  const committed = await readCursor(knex, stream);
  if (committed === undefined) return undefined;
  const start = withLookBack(committed, windowDays * 24 * 3600 * 1000);
  return start === committed ? undefined : start;
}
