/**
 * One full sync of environment/air-hourly in a process of its own, so its peak RSS is the sync's
 * alone (not the feed server's or the benchmark's) and its CPU is not shared with the feed's
 * record generation. Reads the sample feed server, or a file as `hub sync --file` does. Prints one
 * JSON line (ChildResult) on stdout and exits.
 *
 *   node bin/run-ts.js bench/sync/child.ts --db <database url> (--feeds <feed server url> | --file <path>)
 *     [--stream <connector/stream>] [--review on|off] [--cpu-prof <file>]
 *
 * `--review off` runs the engine with no review rules: the baseline the review's cost is read against.
 * A stream of the manifest benchmark (bench/manifest/) is synced with those connectors instead of
 * the hub's. `--cpu-prof` writes a V8 CPU profile of the sync alone (not the start-up) to the file.
 *
 * The database must be migrated already: migrations are not part of what is measured.
 */
import { performance } from 'node:perf_hooks';
import { Command, Option } from 'commander';
import { openDatabase } from '../../src/db/connect';
import { runSync } from '../../src/sync/runSync';
import { createHttpClient, type HttpClient } from '../../src/sync/http/httpClient';
import { CONNECTORS, MAPPING, NO_REVIEW, REVIEW } from '../harness/hubParts';
import { Profiler } from '../harness/profiler';
import { isManifestBenchStream } from '../manifest/sides';
import type * as ManifestBenchModule from '../manifest/benchConnectors';
import { round } from '../harness/results';
import { observeStatements, statementLabel, statementText } from '../harness/statements';
import { BENCH_STREAM, type ChildResult } from './syncProcess';

/** The engine fails a run after 30 minutes; a busy machine can take that long for a million records. */
const NO_TIME_LIMIT_MS = 24 * 60 * 60 * 1000;

interface Flags {
  db: string;
  feeds?: string;
  file?: string;
  stream: string;
  review: 'on' | 'off';
  cpuProf?: string;
}

async function main(): Promise<void> {
  const flags = new Command('sync/child.ts')
    .requiredOption('--db <url>', 'migrated database to sync into')
    .option('--feeds <url>', 'sample feed server to read')
    .option('--file <path>', 'file to load instead')
    .option('--stream <name>', 'the stream to sync', BENCH_STREAM)
    .addOption(new Option('--review <on|off>', 'review with the default rules, or not at all').choices(['on', 'off']).default('on'))
    .option('--cpu-prof <file>', 'write a V8 CPU profile of the sync to this file')
    .parse(process.argv.slice(2), { from: 'user' })
    .opts<Flags>();
  if (!flags.feeds === !flags.file) throw new Error('give either --feeds or --file');
  // Loaded before the clock starts (compiling a manifest is start-up, as in the hub), and only for
  // its own streams, so the other measurements' children (and their baseline RSS) stay as they were.
  const connectors = isManifestBenchStream(flags.stream) ? manifestBench().manifestBenchConnectors() : CONNECTORS;
  const db = await openDatabase({ databaseUrl: flags.db });
  const profiler = flags.cpuProf ? new Profiler() : undefined;
  try {
    const clock = instrument();
    const baselineRssKiB = Math.round(process.memoryUsage().rss / 1024);
    await profiler?.start();
    const started = performance.now();
    const [summary] = await runSync({
      knex: db.knex,
      connectors,
      // With --file the feed URL is never read.
      feedUrl: () => flags.feeds ?? '',
      mapping: MAPPING,
      review: flags.review === 'on' ? REVIEW : NO_REVIEW,
      file: flags.file,
      selectors: [flags.stream],
      full: true,
      trigger: 'manual',
      timeLimitMs: NO_TIME_LIMIT_MS,
      http: clock.http,
    });
    const syncSeconds = (performance.now() - started) / 1000;
    if (profiler) await profiler.stop(flags.cpuProf!);
    const result: ChildResult = {
      status: summary.status,
      error: summary.error,
      fetched: summary.fetched,
      inserted: summary.inserted,
      updated: summary.updated,
      quarantined: summary.quarantined,
      held: summary.held,
      syncSeconds,
      maxRssKiB: process.resourceUsage().maxRSS,
      baselineRssKiB,
      phases: clock.phases(syncSeconds),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await profiler?.close();
    await db.close();
  }
}

/**
 * Times the two kinds of waiting the engine does, without touching src/: the HTTP client is
 * injectable, and every statement goes through pg's Client#query. The engine reads a page, then
 * writes it, never both at once, so the times add up to the wall time; the rest is JavaScript:
 * validation, mapping, hashing (and, for a file, reading and parsing it).
 */
function instrument() {
  let fetchMs = 0;
  const base = createHttpClient();
  // Only getJson is timed: the benchmarked stream reads JSON pages. The spread keeps whatever
  // else the client offers, so this wrapper does not break when the interface grows.
  const http: HttpClient = {
    ...base,
    getJson: async (url, signal) => {
      const t = performance.now();
      try {
        return await base.getJson(url, signal);
      } finally {
        fetchMs += performance.now() - t;
      }
    },
  };

  const dbMs = new Map<string, number>();
  observeStatements((statement) => {
    const started = performance.now();
    return () => {
      const label = statementLabel(statementText(statement));
      dbMs.set(label, (dbMs.get(label) ?? 0) + performance.now() - started);
    };
  });

  const phases = (wallSeconds: number) => {
    const dbSeconds = [...dbMs.values()].reduce((a, b) => a + b, 0) / 1000;
    const fetchSeconds = fetchMs / 1000;
    const dbByStatement = Object.fromEntries([...dbMs].sort((a, b) => b[1] - a[1]).map(([k, ms]) => [k, round(ms / 1000, 3)]));
    return { fetchSeconds: round(fetchSeconds, 3), dbSeconds: round(dbSeconds, 3), otherSeconds: round(wallSeconds - fetchSeconds - dbSeconds, 3), dbByStatement };
  };
  return { http, phases };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const manifestBench = () => require('../manifest/benchConnectors') as typeof ManifestBenchModule;

main().catch((error: unknown) => {
  process.stderr.write(`sync child failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
