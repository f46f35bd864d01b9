import type { HubComponents } from '../../components';
import { loadConfig } from '../../config/config';
import { reconcilableStreams, reconcileStreams, type ReconcileOutcome } from '../../sync/reconcile';
import { reconcileOverrides, type ReconcileOverride } from '../../sync/reconcileSetting';
import { withSyncTargets } from '../syncTargets';
import { createProgress } from '../progress';
import { formatTable } from '../table';
import { UsageError } from '../errors';

export interface ReconcileCommandOptions {
  full?: boolean;
  since?: string;
  file?: string;
  json?: boolean;
}

/**
 * `hub sync --reconcile [streams…]`: a one-shot reconciliation, the same run the scheduler fires,
 * recorded with the trigger `reconcile`. Its table says what it found: corrections (updated) and
 * records the incremental reads missed (inserted).
 */
export async function reconcileFromCli(streams: string[], options: ReconcileCommandOptions, components: HubComponents): Promise<void> {
  if (options.since || options.file) {
    throw new UsageError(`--reconcile re-reads the stream's endpoint over its reconciliation window; it does not combine with ${options.since ? '--since' : '--file'} (use one or the other)`);
  }
  const overrides = reconcileOverrides(process.env, components.connectors);
  refuseWhenNothingToReconcile(streams, components, overrides);
  const config = loadConfig();
  const progress = createProgress(!options.json && Boolean(process.stderr.isTTY));
  const outcome = await withSyncTargets(config, components, (targets) =>
    reconcileStreams({
      ...targets,
      selectors: streams,
      overrides,
      whole: options.full,
      onStreamStart: (name) => progress.start(name),
      onProgress: (name, p) => progress.update(name, p.fetched, p.total),
    }),
  ).finally(() => progress.stop());

  if (options.json) printJson(outcome);
  else printTable(outcome);
  if (outcome.summaries.some((s) => s.status === 'failed')) process.exitCode = 2;
}

/** Naming only streams that are read whole on every run is a mistake worth saying, not an empty table. */
function refuseWhenNothingToReconcile(streams: string[], components: HubComponents, overrides: Record<string, ReconcileOverride>): void {
  const { streams: reconcilable, skipped } = reconcilableStreams(components.connectors, streams, overrides);
  if (reconcilable.length > 0) return;
  const reasons = skipped.map((s) => `${s.stream} is ${s.reason}`).join('; ');
  throw new UsageError(`nothing to reconcile: ${reasons}. A plain "hub sync ${streams.join(' ')}" already reads ${skipped.length === 1 ? 'it' : 'them'} whole`);
}

function printJson({ summaries, skipped }: ReconcileOutcome): void {
  for (const { runId: _r, removed: _x, error, ...s } of summaries) {
    process.stdout.write(`${JSON.stringify({ ...s, trigger: 'reconcile', ...(error ? { error } : {}) })}\n`);
  }
  for (const s of skipped) process.stderr.write(`${s.stream}: not reconciled, ${s.reason}\n`);
}

function printTable({ summaries, skipped }: ReconcileOutcome): void {
  const rows = summaries.map((s) => [
    `${s.connector}/${s.stream}`,
    s.status,
    s.window,
    s.fetched,
    s.updated,
    s.inserted,
    s.unchanged,
    s.quarantined,
    s.held,
    `${(s.durationMs / 1000).toFixed(1)} s`,
  ]);
  const headers = ['stream', 'status', 'window', 'fetched', 'corrections (upd)', 'missed (ins)', 'unchanged', 'quarantined', 'held', 'time'];
  process.stdout.write(`${formatTable(headers, rows)}\n`);
  for (const s of summaries.filter((x) => x.error)) process.stdout.write(`${s.connector}/${s.stream} failed: ${s.error}\n`);
  for (const s of skipped) process.stdout.write(`${s.stream}: not reconciled, ${s.reason}\n`);
}
