/**
 * Sync benchmark (`npm run bench`): a full sync of the large sample feed into PostgreSQL, compared
 * in the same run with COPY of the same stored rows into empty, identically indexed tables (the
 * physical limit); the sync's peak RSS at two feed sizes; and the peak RSS of loading a JSON-array
 * file (`hub sync --file x.json`) of 100k and of 1M records; and what the review (保密审查) adds to
 * a sync, with and without its rules on the text-bearing streams (reviewCost.ts); and a manifest stream
 * against a coded stream of the same feed (manifestCost.ts). Prints a table, writes
 * bench/results/sync-<timestamp>.json, and exits 0 even when a target is missed: it measures, it
 * does not gate. See `npm run bench -- --help` for the knobs (--only runs one measurement).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFeedServer } from '../../samples/kit/feedServer';
import { describeEnvironment } from '../harness/environment';
import { SAMPLE_FEEDS } from '../harness/hubParts';
import { progress, runBenchmark, withScratchDatabase, type Leftovers } from '../harness/lifecycle';
import { adminQuery, checkpoint, type ScratchDatabase } from '../harness/postgres';
import { fileTimestamp, mib, round, writeResults } from '../harness/results';
import { formatProfile, summarizeProfile } from '../api/cpuProfile';
import { RESULTS_DIR } from '../harness/paths';
import { recordReport } from '../harness/record';
import { MANIFEST_BENCH_SIDES, type ManifestBenchSide } from '../manifest/sides';
import { manifestCost, measureManifestSides, type ManifestRuns } from './manifestCost';
import { copyBaseline } from './copyBaseline';
import { writeJsonArrayFile } from './jsonArrayFile';
import { parseOptions, type BenchOptions } from './options';
import { formatReport, summarize, type MemoryPair, type Measured, type ThroughputFigures } from './report';
import { BENCH_STREAM, runSyncProcess, type ChildResult, type SyncInput } from './syncProcess';
import { measurePair, reviewCost, REVIEW_STREAMS, type ReviewPair } from './reviewCost';

/** Server settings that move the figures; autovacuum decides whether the new rows have statistics. */
const SETTINGS = ['autovacuum', 'synchronous_commit', 'fsync', 'shared_buffers', 'max_wal_size'];

const options = parseOptions(process.argv.slice(2));

void runBenchmark('benchmark', options.adminUrl, async (leftovers) => {
  const startedAt = new Date();
  const loadAverageStart = os.loadavg();
  const environment = await describeEnvironment(options.adminUrl, SETTINGS);
  const bench = new SyncBench(options, leftovers);
  const measured: Measured = {};
  if (options.measurements.has('throughput')) measured.throughput = await bench.throughput();
  if (options.measurements.has('memory')) measured.memory = await bench.memory(options.rssSmall, options.rssLarge);
  if (options.measurements.has('file-load')) measured.fileLoad = await bench.fileLoads(options.fileSmall, options.fileLarge);
  if (options.measurements.has('review')) measured.review = reviewCost(await bench.reviewPairs(options.reviewScale));
  if (options.measurements.has('manifest')) measured.manifest = manifestCost(await bench.manifestRuns());
  const loads = { loadAverageStart: rounded(loadAverageStart), loadAverageEnd: rounded(os.loadavg()) };
  const results = summarize(startedAt, { ...environment, ...loads }, measured);
  const report = formatReport(results);
  process.stdout.write(`${report}\n`);
  for (const [side, summary] of Object.entries(results.manifest?.profiles ?? {})) {
    process.stdout.write(`\n${formatProfile(summary, `CPU profile, ${MANIFEST_BENCH_SIDES[side as ManifestBenchSide]} (one extra run, profiler on)`)}\n`);
  }
  const file = writeResults('sync', results);
  process.stdout.write(`results: ${file}\n`);
  if (options.record) process.stdout.write(`recorded: ${recordReport(options.record, { title: 'Sync benchmark', script: 'bench' }, report, results.startedAt, file)}\n`);
});

class SyncBench {
  constructor(
    private readonly options: BenchOptions,
    private readonly leftovers: Leftovers,
  ) {}

  /** Sync at the main scale, then COPY the rows it stored into a second fresh database. */
  throughput(): Promise<ThroughputFigures> {
    const { scale } = this.options;
    return this.withDatabase(async (synced) => {
      const sync = await this.fromFeeds(synced, scale);
      const storedRows = await countStored(synced.url);
      return this.withDatabase(async (empty) => {
        progress(`COPY of ${storedRows} stored rows into an empty indexed table …`);
        await checkpoint(this.options.adminUrl);
        const copy = await copyBaseline(synced.url, empty.url);
        if ((copy.tables.disclosures ?? 0) !== storedRows) {
          throw new Error(`COPY loaded ${copy.tables.disclosures ?? 0} disclosures but the sync stored ${storedRows}`);
        }
        return { scale, storedRows, sync, copy };
      });
    });
  }

  /** A sync from the feed server at each size, each in its own fresh database, for its peak RSS. */
  async memory(small: number, large: number): Promise<MemoryPair> {
    const at = async (scale: number) => ({ scale, sync: await this.withDatabase((db) => this.fromFeeds(db, scale)) });
    return { small: await at(small), large: await at(large) };
  }

  /**
   * A load of a JSON-array file at each size, each in its own fresh database: a file load streams
   * page by page as a feed does, so 10× the records should not need much more memory.
   */
  async fileLoads(small: number, large: number): Promise<MemoryPair> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-json-'));
    const removeDir = this.leftovers.track(async () => fs.rmSync(dir, { recursive: true, force: true }));
    try {
      const at = async (scale: number) => {
        const file = path.join(dir, `air-hourly-${scale}.json`);
        progress(`writing a JSON array of ${scale} records …`);
        await writeJsonArrayFile(file, scale);
        const sync = await this.withDatabase((db) => this.load(db, { file }, scale, `load of ${path.basename(file)} (${mib(fs.statSync(file).size / 1024)})`));
        fs.rmSync(file);
        return { scale, sync };
      };
      return { small: await at(small), large: await at(large) };
    } finally {
      await removeDir();
    }
  }

  /** Each of REVIEW_STREAMS synced with the review and without it, each run in a fresh database. */
  async reviewPairs(scale: number): Promise<ReviewPair[]> {
    const feeds = await startFeedServer({ feeds: SAMPLE_FEEDS, scale, malformedRate: 0 });
    try {
      const pairs: ReviewPair[] = [];
      for (const stream of REVIEW_STREAMS) {
        pairs.push(await measurePair(stream, scale, (review) => this.withDatabase((db) => this.reviewedSync(db, feeds.url, stream, review))));
      }
      return pairs;
    } finally {
      await feeds.close();
    }
  }

  /**
   * The manifest measurement: credit/licences synced by its coded twin, the manifest and the
   * manifest through JSONata alone, each run in a fresh database; with --manifest-profile, one
   * more run per side under the profiler.
   */
  async manifestRuns(): Promise<ManifestRuns> {
    const { manifestScale: scale, manifestRounds, manifestProfile } = this.options;
    const feeds = await startFeedServer({ feeds: SAMPLE_FEEDS, scale, malformedRate: 0 });
    try {
      const sync = (side: ManifestBenchSide, cpuProf?: string) => this.withDatabase((db) => this.sideSync(db, feeds.url, side, scale, cpuProf));
      const measured = await measureManifestSides(scale, manifestRounds, (side) => sync(side));
      if (manifestProfile) {
        measured.profiles = {};
        for (const side of Object.keys(MANIFEST_BENCH_SIDES) as ManifestBenchSide[]) {
          const file = path.join(RESULTS_DIR, 'profiles', `sync-manifest-${side}-${fileTimestamp(new Date().toISOString())}.cpuprofile`);
          await sync(side, file);
          measured.profiles[side] = summarizeProfile(file, 25);
        }
      }
      return measured;
    } finally {
      await feeds.close();
    }
  }

  /** One full sync of one side of the manifest measurement: every record must be stored or held. */
  private async sideSync(db: ScratchDatabase, feedsUrl: string, side: ManifestBenchSide, scale: number, cpuProf?: string): Promise<ChildResult> {
    const stream = MANIFEST_BENCH_SIDES[side];
    progress(`sync of ${scale} records, ${side} (${stream})${cpuProf ? ', profiled' : ''} …`);
    await checkpoint(this.options.adminUrl);
    const result = await runSyncProcess(db.url, { feeds: feedsUrl }, { stream, cpuProf });
    if (result.status !== 'ok' || result.fetched !== scale || result.inserted + result.held !== scale) {
      const reason = result.error ? `: ${abbreviate(result.error)}` : '';
      throw new Error(`the sync of ${stream} did not store or hold every record: status ${result.status}, ${result.inserted} stored and ${result.held} held of ${result.fetched} read (${scale} served)${reason}`);
    }
    progress(`  ${result.syncSeconds.toFixed(2)} s, ${Math.round(scale / result.syncSeconds)} records/s, ${result.held} held`);
    return result;
  }

  /** One full sync of a stream; every record read must be stored or held, or the figure means nothing. */
  private async reviewedSync(db: ScratchDatabase, feedsUrl: string, stream: string, review: 'on' | 'off'): Promise<ChildResult> {
    progress(`sync of ${stream}, review ${review} …`);
    await checkpoint(this.options.adminUrl);
    const result = await runSyncProcess(db.url, { feeds: feedsUrl }, { stream, review });
    if (result.status !== 'ok' || result.inserted + result.held !== result.fetched) {
      const reason = result.error ? `: ${abbreviate(result.error)}` : '';
      throw new Error(`the sync of ${stream} (review ${review}) did not store or hold every record: status ${result.status}, ${result.inserted} stored and ${result.held} held of ${result.fetched}${reason}`);
    }
    progress(`  ${result.syncSeconds.toFixed(2)} s, ${result.fetched} records, ${result.held} held`);
    return result;
  }

  /** Serves a feed of `scale` records from this process and syncs it in a child. */
  private async fromFeeds(db: ScratchDatabase, scale: number): Promise<ChildResult> {
    const feeds = await startFeedServer({ feeds: SAMPLE_FEEDS, scale, malformedRate: 0 });
    try {
      return await this.load(db, { feeds: feeds.url }, scale, `sync of ${scale} records (${BENCH_STREAM})`);
    } finally {
      await feeds.close();
    }
  }

  /**
   * One load in a child process. Every record is well-formed (malformedRate 0), so every record read
   * must be stored: anything else means the benchmark measured something other than a clean full
   * load, and it stops.
   */
  private async load(db: ScratchDatabase, input: SyncInput, scale: number, what: string): Promise<ChildResult> {
    progress(`${what} …`);
    await checkpoint(this.options.adminUrl);
    const result = await runSyncProcess(db.url, input);
    if (result.status !== 'ok' || result.inserted !== scale) {
      const reason = result.error ? `: ${abbreviate(result.error)}` : '';
      throw new Error(`the ${what} did not store every record: status ${result.status}, inserted ${result.inserted} of ${scale}${reason}`);
    }
    progress(`  ${result.syncSeconds.toFixed(2)} s, peak RSS ${(result.maxRssKiB / 1024).toFixed(1)} MiB`);
    return result;
  }

  private withDatabase<T>(work: (db: ScratchDatabase) => Promise<T>): Promise<T> {
    return withScratchDatabase(this.options.adminUrl, this.leftovers, work);
  }
}

async function countStored(url: string): Promise<number> {
  const [row] = await adminQuery<{ n: string }>(url, `SELECT count(*) AS n FROM disclosures WHERE stream = '${BENCH_STREAM}'`);
  return Number(row.n);
}

const rounded = (loads: number[]) => loads.map((x) => round(x, 2));

/** A failed statement's message quotes the whole SQL; its head and the reason at its end are enough. */
function abbreviate(message: string, max = 400): string {
  const flat = message.replace(/\s+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, 120)} … ${flat.slice(-(max - 120))}`;
}
