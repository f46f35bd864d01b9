/**
 * Soak benchmark (`npm run bench:soak`): the portal's query mix against one hub for a long while
 * (30 minutes by default) at a moderate, fixed concurrency, while the hub's own scheduler syncs
 * every stream every few minutes, as a deployed hub does. Samples the hub's RSS and live heap,
 * requests, errors, latency (p50, p99) and whether a sync ran, every few seconds; prints the series
 * and the verdicts — memory in the last 5 minutes vs the first 5 (peak RSS and median live heap,
 * each ≤ × 1.2, memoryVerdict.ts), errors (0), p99 vs an idle baseline (≤ × 2) — writes
 * bench/results/soak-<timestamp>.json (and with --record a markdown copy of the report), and exits 0
 * even when a target is missed: it measures, it does not gate. `npm run bench:soak -- --help` lists
 * the knobs.
 *
 * How it runs:
 * - one fresh database, filled as bench:api fills it (every sample feed synced, VACUUM ANALYZE),
 *   dropped at the end and on Ctrl-C, with every process this run started;
 * - the mix: the portal's own operations (newest page, a domain's page, an enterprise page, a
 *   two-character search, the air board) and a page of trading processes and of PPP projects,
 *   drawn per request by weight, each with many variants (enterprises, terms, pages, stages), so
 *   the response cache answers only some and the rest reach PostgreSQL;
 * - idle baseline: the mix on a hub with its schedule off (bench:api's hub), after a warm-up;
 * - soak: another hub on the same database with its schedule on, each stream's cron set through
 *   HUB_CRON_<CONNECTOR>_<STREAM> to fire every --sync-every minutes, syncing from `hub feeds
 *   serve` in a process of its own, which publishes a new edition (corrections) before each round;
 * - autocannon runs here, the hub and the feed server each in their own process, all on 127.0.0.1.
 */
import os from 'node:os';
import { fillDatabase } from '../api/fillDatabase';
import { withServer, type ServerProcess } from '../api/serverProcess';
import { describeEnvironment, packageVersion } from '../harness/environment';
import { progress, runBenchmark, withScratchDatabase, type Leftovers } from '../harness/lifecycle';
import { recordReport } from '../harness/record';
import { round, writeResults } from '../harness/results';
import { publishEditions } from './editions';
import { withFeedProcess, type FeedProcess } from './feedProcess';
import { errorSum, LoadTally } from './loadTally';
import { driveMix, type MixRunFigures } from './mixedLoad';
import { parseSoakOptions, type SoakOptions } from './options';
import { formatSoakReport, notesFor, sampleLine, summarizeSoak, type SoakResults } from './report';
import { buildRequestMix, WEIGHTS, type RequestMix } from './requestMix';
import { residentKiB } from './residentMemory';
import { Sampler } from './sampler';
import { scheduledSyncSummary } from './syncRuns';
import { planSyncs } from './syncSchedule';
import { readVariety, type Variety } from './variety';

/** Server settings that move the figures of reads beside writes. */
const SETTINGS = ['shared_buffers', 'max_connections', 'work_mem', 'jit', 'autovacuum', 'synchronous_commit'];
/** Unrecorded load before the idle baseline and before the soak alike: JIT and caches warm in both. */
const WARMUP_SECONDS = 5;

const options = parseSoakOptions(process.argv.slice(2));

void runBenchmark('soak benchmark', options.adminUrl, async (leftovers) => {
  const startedAt = new Date();
  const loadAverageStart = os.loadavg();
  const environment = { ...(await describeEnvironment(options.adminUrl, SETTINGS)), autocannon: packageVersion('autocannon') };
  progress('creating and migrating a scratch database …');
  const results = await withScratchDatabase(options.adminUrl, leftovers, async (db): Promise<SoakResults> => {
    const data = await fillDatabase(db.url, options.scale);
    const variety = await readVariety(db.url);
    const { mix, idle } = await withServer(leftovers, { target: 'hub', databaseUrl: db.url, responseCache: options.responseCache }, (hub) => idleBaseline(hub, variety));
    const soaked = await withFeedProcess(leftovers, options.scale, (feeds) => soak(leftovers, db.url, feeds, mix));
    const partial = {
      startedAt: startedAt.toISOString(),
      environment: { ...environment, loadAverageStart: rounded(loadAverageStart), loadAverageEnd: rounded(os.loadavg()) },
      settings: { ...settingsOf(options), warmupSeconds: WARMUP_SECONDS, weights: WEIGHTS, variants: mix.variantCounts(), streams: soaked.streams, staggerSeconds: soaked.staggerSeconds },
      data,
      idle,
      soak: soaked.run,
      samples: soaked.samples,
      syncs: { ...(await scheduledSyncSummary(db.url)), editionsPublished: soaked.editionsPublished },
      summary: summarizeSoak(soaked.samples, options.sampleSeconds, idle, soaked.run),
    };
    return { ...partial, notes: notesFor(partial) };
  });
  const report = formatSoakReport(results);
  process.stdout.write(`${report}\n`);
  const file = writeResults('soak', results);
  process.stdout.write(`results: ${file}\n`);
  if (options.record) process.stdout.write(`recorded: ${recordReport(options.record, { title: 'Soak benchmark', script: 'bench:soak' }, report, results.startedAt, file)}\n`);
});

/** Builds and checks the mix on a hub that never syncs, warms it up, then measures it. */
async function idleBaseline(hub: ServerProcess, variety: Variety): Promise<{ mix: RequestMix; idle: MixRunFigures }> {
  progress('checking a query of every kind, following the lists to their later pages …');
  const mix = await buildRequestMix(hub.url, variety);
  await warmUp(hub, mix);
  progress(`idle baseline: ${options.idleSeconds} s of the mix, no sync …`);
  const idle = await driveMix(hub.url, mix, { connections: options.connections, seconds: options.idleSeconds }, new LoadTally());
  progress(`  ${idle.reqPerSec.toFixed(0)} req/s, p50 ${idle.latencyMs.p50} ms, p99 ${idle.latencyMs.p99} ms, ${errorSum(idle.errors)} errors`);
  return { mix, idle };
}

/** The soak itself, on a hub whose scheduler syncs from `feeds`. */
async function soak(leftovers: Leftovers, databaseUrl: string, feeds: FeedProcess, mix: RequestMix) {
  const plan = planSyncs(options.syncEvery);
  progress(`starting the hub to soak, its scheduler syncing ${plan.streams.length} streams every ${options.syncEvery} min from ${feeds.url} …`);
  return withServer(leftovers, { target: 'hub', databaseUrl, feedsUrl: feeds.url, env: plan.env, responseCache: options.responseCache }, async (hub) => {
    await warmUp(hub, mix);
    const seconds = options.minutes * 60;
    const tally = new LoadTally();
    const cpuRoles = { feedsPid: feeds.pid, loadPid: process.pid };
    const sampler = new Sampler({ server: hub, databaseUrl, tally, cpuRoles, everySeconds: options.sampleSeconds, onSample: (s) => progress(sampleLine(s)) });
    const startRssKiB = residentKiB(hub.pid) ?? null;
    const editions = publishEditions(feeds, plan, new Date(Date.now() + seconds * 1000));
    progress(`soak: ${options.minutes} min at ${options.connections} connections; the first sync round starts at ${plan.roundStart(1).toISOString()} …`);
    try {
      await sampler.start();
      const run = await driveMix(hub.url, mix, { connections: options.connections, seconds }, tally);
      const samples = await sampler.stop();
      return { streams: plan.streams, staggerSeconds: plan.staggerSeconds, run: { ...run, startRssKiB }, samples, editionsPublished: editions.published() };
    } finally {
      editions.stop();
    }
  });
}

async function warmUp(hub: ServerProcess, mix: RequestMix): Promise<void> {
  progress(`warming the hub up (${WARMUP_SECONDS} s of the mix) …`);
  await driveMix(hub.url, mix, { connections: options.connections, seconds: WARMUP_SECONDS }, new LoadTally());
}

function settingsOf({ minutes, syncEvery, connections, scale, sampleSeconds, idleSeconds, responseCache }: SoakOptions) {
  return { minutes, syncEvery, connections, scale, sampleSeconds, idleSeconds, responseCache };
}

const rounded = (loads: number[]) => loads.map((x) => round(x, 2));
