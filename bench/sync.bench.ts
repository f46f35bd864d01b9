/**
 * Sync benchmark (`npm run bench`): a full sync of the large sample feed into PostgreSQL, compared
 * in the same run with COPY of the same stored rows into empty, identically indexed tables (the
 * physical limit), plus the sync's peak RSS at two feed sizes. Prints a table, writes
 * bench/results/sync-<timestamp>.json, and exits 0 even when a target is missed: it measures, it
 * does not gate. See `npm run bench -- --help` for the knobs.
 */
import os from 'node:os';
import { SAMPLE_FEEDS } from '../app/components';
import { startFeedServer } from '../samples/kit/feedServer';
import { parseOptions, type BenchOptions } from './options';
import { adminQuery, checkpoint, createMigratedDatabase, unreachableReason, type ScratchDatabase } from './postgres';
import { copyBaseline } from './copyBaseline';
import { BENCH_STREAM, runSyncProcess, type ChildResult } from './syncProcess';
import { formatReport, summarize, writeResults, type Environment, type MemoryFigures, type ThroughputFigures } from './report';

/** Databases still to drop: also dropped on Ctrl-C, so an interrupted run leaves nothing behind. */
const scratch = new Set<ScratchDatabase>();

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), process.env);
  const unreachable = await unreachableReason(options.adminUrl);
  if (unreachable) {
    process.stderr.write(`${unreachable}\n`);
    process.exit(1);
  }
  process.once('SIGINT', () => void dropAll().finally(() => process.exit(130)));

  const startedAt = new Date();
  const environment = await describeEnvironment(options.adminUrl);
  try {
    const throughput = await measureThroughput(options);
    const memory: MemoryFigures = {
      small: { scale: options.rssSmall, sync: await measureSync(options, options.rssSmall) },
      large: { scale: options.rssLarge, sync: await measureSync(options, options.rssLarge) },
    };
    const results = summarize(startedAt, environment, throughput, memory);
    process.stdout.write(`${formatReport(results)}\n`);
    process.stdout.write(`results: ${writeResults(results)}\n`);
  } finally {
    await dropAll();
  }
}

/** Sync at the main scale, then COPY the rows it stored into a second fresh database. */
async function measureThroughput(options: BenchOptions): Promise<ThroughputFigures> {
  const synced = await scratchDatabase(options);
  try {
    const sync = await syncInto(options, synced, options.scale);
    const storedRows = await countStored(synced.url);
    const empty = await scratchDatabase(options);
    try {
      progress(`COPY of ${storedRows} stored rows into an empty indexed table …`);
      await checkpoint(options.adminUrl);
      const copy = await copyBaseline(synced.url, empty.url);
      if ((copy.tables.disclosures ?? 0) !== storedRows) {
        throw new Error(`COPY loaded ${copy.tables.disclosures ?? 0} disclosures but the sync stored ${storedRows}`);
      }
      return { scale: options.scale, storedRows, sync, copy };
    } finally {
      await drop(empty);
    }
  } finally {
    await drop(synced);
  }
}

/** One sync in its own fresh database, for its peak RSS. */
async function measureSync(options: BenchOptions, scale: number): Promise<ChildResult> {
  const db = await scratchDatabase(options);
  try {
    return await syncInto(options, db, scale);
  } finally {
    await drop(db);
  }
}

/**
 * Serves a feed of `scale` records from this process and syncs it in a child. Every record is
 * well-formed (malformedRate 0), so every fetched record must be stored: anything else means the
 * benchmark measured something other than a clean full sync, and it stops.
 */
async function syncInto(options: BenchOptions, db: ScratchDatabase, scale: number): Promise<ChildResult> {
  const feeds = await startFeedServer({ feeds: SAMPLE_FEEDS, scale, malformedRate: 0 });
  try {
    progress(`sync of ${scale} records (${BENCH_STREAM}) …`);
    await checkpoint(options.adminUrl);
    const result = await runSyncProcess(db.url, feeds.url);
    if (result.status !== 'ok' || result.inserted !== scale) {
      const reason = result.error ? `: ${abbreviate(result.error)}` : '';
      throw new Error(`the sync did not store every record: status ${result.status}, inserted ${result.inserted} of ${scale}${reason}`);
    }
    progress(`  ${result.syncSeconds.toFixed(2)} s, peak RSS ${(result.maxRssKiB / 1024).toFixed(1)} MiB`);
    return result;
  } finally {
    await feeds.close();
  }
}

async function countStored(url: string): Promise<number> {
  const [row] = await adminQuery<{ n: string }>(url, `SELECT count(*) AS n FROM disclosures WHERE stream = '${BENCH_STREAM}'`);
  return Number(row.n);
}

async function scratchDatabase(options: BenchOptions): Promise<ScratchDatabase> {
  const db = await createMigratedDatabase(options.adminUrl);
  scratch.add(db);
  return db;
}

async function drop(db: ScratchDatabase): Promise<void> {
  scratch.delete(db);
  await db.drop();
}

async function dropAll(): Promise<void> {
  await Promise.allSettled([...scratch].map((db) => drop(db)));
}

async function describeEnvironment(adminUrl: string): Promise<Environment> {
  const rows = await adminQuery<{ name: string; setting: string }>(
    adminUrl,
    `SELECT name, current_setting(name) AS setting FROM pg_settings
     WHERE name IN ('server_version', 'autovacuum', 'synchronous_commit', 'fsync', 'shared_buffers', 'max_wal_size') ORDER BY name`,
  );
  const settings = Object.fromEntries(rows.map((r) => [r.name, r.setting]));
  const { server_version: postgres, ...rest } = settings;
  return { node: process.version, postgres, cpus: os.cpus().length, settings: rest };
}

/** A failed statement's message quotes the whole SQL; its head and the reason at its end are enough. */
function abbreviate(message: string, max = 400): string {
  const flat = message.replace(/\s+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, 120)} … ${flat.slice(-(max - 120))}`;
}

const progress = (message: string) => process.stderr.write(`${message}\n`);

main().catch(async (error: unknown) => {
  await dropAll();
  process.stderr.write(`benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
