import type { Command } from 'commander';
import type { HubComponents } from '../../components';
import { loadConfig } from '../../config/config';
import { runSync } from '../../sync/runSync';
import type { StreamSummary } from '../../sync/engine';
import { parseChinaTime } from '../../domain/chinaTime';
import { withSyncTargets } from '../syncTargets';
import { createProgress } from '../progress';
import { formatTable } from '../table';
import { UsageError } from '../errors';
import { reconcileFromCli } from './syncReconcile';

interface SyncOptions {
  full?: boolean;
  since?: string;
  json?: boolean;
  file?: string;
  reconcile?: boolean;
}

export function registerSync(program: Command, components: HubComponents): void {
  program
    .command('sync')
    .description('sync streams once: "hub sync" for all, or name connectors and streams, e.g. "hub sync environment/air-hourly"')
    .argument('[streams...]', 'connector or connector/stream names; none means every stream')
    .option('--reconcile', 're-read each stream over its reconciliation window (all of it with --full) to find corrections and records the incremental runs missed')
    .option('--full', 'ignore the committed cursors and read everything')
    .option('--since <date>', 'backfill: read from this date (YYYY-MM-DD or "YYYY-MM-DD HH:mm:ss", China time)')
    .option('--file <path>', 'load one stream from a local file (CSV, JSON Lines or a JSON array) instead of its endpoint')
    .option('--json', 'print one JSON summary object per stream, as each stream ends, instead of the table')
    .addHelpText(
      'after',
      '\nExit codes: 0 every stream synced (some records may be quarantined); 2 a stream failed, its summary says why (the other streams still ran), or the command line was wrong; 1 the command could not run (no database, a stream busy elsewhere).\nSIGINT or SIGTERM stops the sync: the page being written rolls back, the run is marked failed; a second signal quits at once.',
    )
    .action(async (streams: string[], options: SyncOptions) => {
      if (options.since && !parseChinaTime(options.since)) {
        throw new UsageError(`--since "${options.since}" is not a date; write e.g. 2026-11-01 or "2026-11-01 08:00:00"`);
      }
      if (options.reconcile) return reconcileFromCli(streams, options, components);
      const config = loadConfig();
      const progress = createProgress(!options.json && Boolean(process.stderr.isTTY));
      const stop = stopOnSignals();
      const summaries = await withSyncTargets(config, components, (targets) =>
        runSync({
          ...targets,
          selectors: streams,
          full: options.full,
          since: options.since,
          file: options.file,
          trigger: 'manual',
          signal: stop.signal,
          onStreamStart: (name) => progress.start(name),
          onProgress: (name, p) => progress.update(name, p.fetched, p.total),
          // Printed as each stream ends, so a later failure cannot lose what already finished.
          onStreamEnd: (summary) => options.json && process.stdout.write(`${JSON.stringify(jsonSummary(summary))}\n`),
        }),
      ).finally(() => {
        progress.stop();
        stop.dispose();
      });

      if (!options.json) {
        const rows = summaries.map((s) => [`${s.connector}/${s.stream}`, s.status, s.fetched, s.inserted, s.updated, s.unchanged, s.quarantined, s.held, s.removed, `${(s.durationMs / 1000).toFixed(1)} s`]);
        process.stdout.write(`${formatTable(['stream', 'status', 'fetched', 'inserted', 'updated', 'unchanged', 'quarantined', 'held', 'removed', 'time'], rows)}\n`);
        for (const s of summaries.filter((x) => x.error)) process.stdout.write(`${s.connector}/${s.stream}${s.status === 'failed' ? ' failed' : ''}: ${s.error}\n`);
      }
      if (summaries.some((s) => s.status === 'failed')) process.exitCode = 2;
    });
}

/** The summary a script reads: every count, and the error only when there is one. */
function jsonSummary({ runId: _runId, error, ...summary }: StreamSummary): object {
  return error ? { ...summary, error } : summary;
}

/**
 * SIGINT or SIGTERM stops the sync through its signal: the engine cancels the statement it is
 * running and marks the run failed, so neither a backend nor a "running" run outlives the command.
 * A second signal quits at once.
 */
function stopOnSignals(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write(`hub: ${name} received; stopping the sync (send it again to quit at once)\n`);
    controller.abort(new Error(`${name} received`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
