import type { Command } from 'commander';
import type { HubComponents } from '../../components';
import { loadConfig } from '../../config/config';
import { runSync } from '../../sync/runSync';
import { parseChinaTime } from '../../domain/chinaTime';
import { withDatabase } from '../database';
import { withFeeds } from '../feedsForCli';
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
    .option('--json', 'print one JSON summary object per stream instead of the table')
    .action(async (streams: string[], options: SyncOptions) => {
      if (options.since && !parseChinaTime(options.since)) {
        throw new UsageError(`--since "${options.since}" is not a date; write e.g. 2026-11-01 or "2026-11-01 08:00:00"`);
      }
      if (options.reconcile) return reconcileFromCli(streams, options, components);
      const config = loadConfig();
      const progress = createProgress(!options.json && Boolean(process.stderr.isTTY));
      const summaries = await withDatabase(
        config,
        (db) =>
          withFeeds(config, components, (feedUrl) =>
            runSync({
              knex: db.knex,
              connectors: components.connectors,
              mapping: { city: config.city },
              feedUrl,
              selectors: streams,
              full: options.full,
              since: options.since,
              file: options.file,
              trigger: 'manual',
              onStreamStart: (name) => progress.start(name),
              onProgress: (name, p) => progress.update(name, p.fetched, p.total),
            }),
          ),
        { migrate: true },
      ).finally(() => progress.stop());

      if (options.json) {
        for (const { runId: _r, removed: _x, error, ...s } of summaries) process.stdout.write(`${JSON.stringify(error ? { ...s, error } : s)}\n`);
      } else {
        const rows = summaries.map((s) => [`${s.connector}/${s.stream}`, s.status, s.fetched, s.inserted, s.updated, s.unchanged, s.quarantined, `${(s.durationMs / 1000).toFixed(1)} s`]);
        process.stdout.write(`${formatTable(['stream', 'status', 'fetched', 'inserted', 'updated', 'unchanged', 'quarantined', 'time'], rows)}\n`);
        for (const s of summaries.filter((x) => x.error)) process.stdout.write(`${s.connector}/${s.stream} failed: ${s.error}\n`);
      }
      if (summaries.some((s) => s.status === 'failed')) process.exitCode = 2;
    });
}
