/**
 * API benchmark (`npm run bench:api`): the portal's two queries — the 20 latest disclosures with
 * their subject's name, and an enterprise profile — driven by autocannon against the hub and, in
 * the same run and on the same database, against PostGraphile v4 with the closest equivalent query.
 * Reports requests/s, latency (p99), errors, SQL statements per request and server CPU per request
 * for each, and the hub / PostGraphile ratios; prints a table, writes
 * bench/results/api-<timestamp>.json, and exits 0 even when the target is missed (it says
 * "TARGET MISSED"): it measures, it does not gate. `npm run bench:api -- --help` lists the knobs.
 *
 * How it is fair:
 * - one fresh database (migrated, filled by syncing every connector from the bundled sample feeds,
 *   then VACUUM ANALYZE), dropped at the end and on Ctrl-C;
 * - each server in a child process of its own (bench/apiServer.ts), neither sharing an event loop
 *   with autocannon, which runs here; both with NODE_ENV=production and 10 database connections
 *   (the hub's default pool; PostGraphile gets a pg.Pool of 10); PostGraphile's query log is off as
 *   the hub's logs are (LOG_LEVEL=silent unless --hub-log-level says otherwise);
 * - only one server is under load at a time, warmed up first, and the measured runs alternate
 *   hub, PostGraphile, hub, PostGraphile, so drift in the machine's other load hits both;
 * - every response under load is compared with the one checked before (autocannon's expectBody),
 *   so a server that answers fast with errors shows up as mismatches.
 *
 * SQL statements per request are counted in each server process at pg's Client#query, which both
 * use (knex through its pg dialect, PostGraphile through pg.Pool): exact, BEGIN/COMMIT included,
 * and no need for pg_stat_statements (not preloaded on most servers).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CONNECTORS, SAMPLE_FEEDS } from '../app/components';
import { DEFAULT_CITY } from '../src/config/city';
import { openDatabase } from '../src/db/connect';
import { startFeedServer } from '../samples/kit/feedServer';
import { runSync } from '../src/sync/runSync';
import { parseApiOptions, POOL_SIZE, type ApiBenchOptions, type QueryName, type Target } from './apiOptions';
import { startServer, type ServerProcess } from './apiProcess';
import { benchQuery, differences, digest, type Digest } from './apiQueries';
import { drive, singleRequest, type RunFigures, type SingleRequest } from './apiLoad';
import { formatProfile, summarizeProfile } from './apiCpuProfile';
import { formatApiReport, queryFigures, serverFigures, targetVerdict, writeApiResults, type ApiBenchResults, type QueryFigures } from './apiReport';
import { adminQuery, createMigratedDatabase, unreachableReason, type ScratchDatabase } from './postgres';
import type { Environment } from './report';

const ROOT = path.resolve(__dirname, '..');
const TARGETS: readonly Target[] = ['hub', 'postgraphile'];

/** What Ctrl-C must clean up: the servers this run started and its database. */
const running = { servers: [] as ServerProcess[], db: undefined as ScratchDatabase | undefined };

async function main(): Promise<void> {
  const options = parseApiOptions(process.argv.slice(2), process.env);
  const unreachable = await unreachableReason(options.adminUrl);
  if (unreachable) {
    process.stderr.write(`${unreachable}\n`);
    process.exit(1);
  }
  process.once('SIGINT', () => void cleanUp(true).finally(() => process.exit(130)));

  const startedAt = new Date();
  const loadAverageStart = os.loadavg();
  const environment = await describeEnvironment(options.adminUrl);
  try {
    progress('creating and migrating a scratch database …');
    const db = await createMigratedDatabase(options.adminUrl);
    running.db = db;
    const data = await fill(db.url, options.scale);

    progress('starting the hub and PostGraphile, each in its own process …');
    const hub = await startServer({ target: 'hub', databaseUrl: db.url, logLevel: options.hubLogLevel });
    running.servers.push(hub);
    const postgraphile = await startServer({ target: 'postgraphile', databaseUrl: db.url });
    running.servers.push(postgraphile);
    const servers = { hub, postgraphile };

    const queries: QueryFigures[] = [];
    for (const name of options.queries) queries.push(await measureQuery(name, servers, data.profileUscc, options));
    const profiles = await profileRuns(servers, data.profileUscc, options);

    const results: ApiBenchResults = {
      startedAt: startedAt.toISOString(),
      environment: { ...environment, loadAverageStart: rounded(loadAverageStart), loadAverageEnd: rounded(os.loadavg()) },
      settings: {
        scale: options.scale,
        duration: options.duration,
        warmup: options.warmup,
        connections: options.connections,
        rounds: options.rounds,
        poolSize: POOL_SIZE,
        hubLogLevel: options.hubLogLevel,
      },
      data,
      queries,
      target: targetVerdict(queries),
      profiles,
      notes: notesFor(environment.cpus, loadAverageStart, queries),
    };
    process.stdout.write(`${formatApiReport(results)}\n`);
    for (const p of profiles) process.stdout.write(`\n${formatProfile(p.summary, `CPU profile, ${p.target}, ${p.query} query (one extra run, profiler on)`)}\n`);
    process.stdout.write(`results: ${writeApiResults(results)}\n`);
  } finally {
    await cleanUp(false);
  }
}

/**
 * Syncs every connector's sample feeds into the database at `scale` records per stream, as the
 * hub itself would, then VACUUM ANALYZE so the planner has statistics (and the visibility map is
 * set) as on a database autovacuum has seen; picks the entity of the profile query.
 */
async function fill(url: string, scale: number): Promise<ApiBenchResults['data']> {
  const feeds = await startFeedServer({ feeds: SAMPLE_FEEDS, scale, malformedRate: 0 });
  const database = await openDatabase({ databaseUrl: url });
  try {
    progress(`syncing every sample feed at ${scale} records per stream …`);
    const started = performance.now();
    const summaries = await runSync({ knex: database.knex, connectors: CONNECTORS, feedUrl: () => feeds.url, mapping: { city: DEFAULT_CITY }, full: true, trigger: 'manual' });
    const syncSeconds = (performance.now() - started) / 1000;
    const failed = summaries.filter((s) => s.status !== 'ok');
    if (failed.length) throw new Error(`the sync failed: ${failed.map((s) => `${s.connector}/${s.stream} ${s.status}: ${s.error ?? ''}`).join('; ')}`);
    await database.knex.raw('VACUUM ANALYZE');
    const count = async (table: string) => Number((await database.knex(table).count({ n: '*' }))[0].n);
    // An enterprise page that shows everything the profile computes: of the entities with at least
    // one administrative penalty, the one with the most disclosures (ties by code); the same for both servers.
    const [busiest] = await database.knex('disclosures')
      .whereNotNull('entity_uscc')
      .groupBy('entity_uscc')
      .havingRaw(`count(*) FILTER (WHERE kind = 'administrative-penalty') > 0`)
      .select('entity_uscc as uscc')
      .orderByRaw('count(*) DESC, entity_uscc')
      .limit(1);
    if (!busiest) throw new Error('no administrative penalty links to an entity: no enterprise page for the profile query to show');
    const data = {
      disclosures: await count('disclosures'),
      entities: await count('entities'),
      parties: await count('disclosure_parties'),
      profileUscc: busiest.uscc as string,
      syncSeconds: Math.round(syncSeconds * 10) / 10,
    };
    progress(`  ${data.disclosures} disclosures, ${data.entities} entities in ${data.syncSeconds} s`);
    return data;
  } finally {
    await database.close();
    await feeds.close();
  }
}

type Servers = Record<Target, ServerProcess>;

/** Checks both answers, counts their statements, warms both up, then the interleaved measured runs. */
async function measureQuery(name: QueryName, servers: Servers, uscc: string, options: ApiBenchOptions): Promise<QueryFigures> {
  const singles = {} as Record<Target, SingleRequest & { bytes: number; digest: Digest }>;
  for (const target of TARGETS) {
    const q = benchQuery(name, target, uscc);
    // The second of two: the first may fill a server's document cache.
    await singleRequest(servers[target], q);
    const single = await singleRequest(servers[target], q);
    if (single.status !== 200) throw new Error(`${target} answered the ${name} query with HTTP ${single.status}: ${single.body.slice(0, 500)}`);
    singles[target] = { ...single, bytes: Buffer.byteLength(single.body), digest: digest(name, target, single.body) };
  }
  const settings = { connections: options.connections, duration: options.duration };
  if (options.warmup > 0) {
    for (const target of TARGETS) {
      progress(`${name}: warming up ${target} (${options.warmup} s) …`);
      await drive(servers[target], benchQuery(name, target, uscc), singles[target].body, { ...settings, duration: options.warmup }, 0);
    }
  }
  const runs: Record<Target, RunFigures[]> = { hub: [], postgraphile: [] };
  for (let round = 1; round <= options.rounds; round++) {
    for (const target of TARGETS) {
      const run = await drive(servers[target], benchQuery(name, target, uscc), singles[target].body, settings, round);
      runs[target].push(run);
      progress(
        `${name}: ${target.padEnd(12)} round ${round}: ${run.reqPerSec.toFixed(0)} req/s, p99 ${run.latencyMs.p99} ms, ` +
          `${run.serverCpuMsPerRequest.toFixed(2)} CPU ms/req, load ${run.loadAverage.toFixed(2)}`,
      );
    }
  }
  return queryFigures(
    name,
    serverFigures('hub', singles.hub, runs.hub),
    serverFigures('postgraphile', singles.postgraphile, runs.postgraphile),
    differences(name, singles.hub.digest, singles.postgraphile.digest),
    { hub: benchQuery(name, 'hub', uscc).query, postgraphile: benchQuery(name, 'postgraphile', uscc).query },
  );
}

/** With --cpu-prof: one extra run per query under V8's profiler (not part of the figures above: the profiler slows a server down). */
async function profileRuns(servers: Servers, uscc: string, options: ApiBenchOptions): Promise<ApiBenchResults['profiles']> {
  const profiles: ApiBenchResults['profiles'] = [];
  const dir = path.join(__dirname, 'results', 'profiles');
  for (const name of options.queries) {
    for (const target of options.cpuProf) {
      const file = path.join(dir, `api-${target}-${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`);
      progress(`${name}: profiling ${target} (${options.duration} s) …`);
      await servers[target].profileStart();
      await drive(servers[target], benchQuery(name, target, uscc), undefined, { connections: options.connections, duration: options.duration }, 0);
      await servers[target].profileStop(file);
      profiles.push({ target, query: name, summary: summarizeProfile(file) });
    }
  }
  return profiles;
}

function notesFor(cpus: number, loadAverageStart: number[], queries: QueryFigures[]): string[] {
  const notes = [
    'SQL/req: statements one request sends, counted at pg Client#query in each server process; in brackets the average over the load runs when it differs.',
    'CPU ms/req: the server process\'s own CPU time per response (PostgreSQL\'s is not included): steadier than req/s on a shared machine. ' +
      'CPU %: how much of one core the server process used under load; near 100 % it is bound by its own (single-threaded) CPU, well below it waits on PostgreSQL.',
  ];
  if (queries.some((q) => q.query === 'profile')) {
    notes.push(
      'profile query: PostGraphile has no computed profile, so it counts the entity\'s disclosures and penalties (two totalCounts) where the hub ' +
        'groups counts by domain and sums penalty fines, and it lists disclosures through the foreign key only (the hub also through disclosure_parties).',
    );
  }
  if (loadAverageStart[0] > cpus) {
    notes.push(
      `the machine was busy (1-minute load average ${loadAverageStart[0].toFixed(2)} on ${cpus} CPUs at start): absolute figures are low and noisy; the ratios, ` +
        'from interleaved runs, are the figures to read.',
    );
  }
  return notes;
}

async function describeEnvironment(adminUrl: string): Promise<Environment & { postgraphile: string; autocannon: string }> {
  const rows = await adminQuery<{ name: string; setting: string }>(
    adminUrl,
    `SELECT name, current_setting(name) AS setting FROM pg_settings
     WHERE name IN ('server_version', 'shared_buffers', 'max_connections', 'work_mem', 'jit', 'random_page_cost', 'autovacuum', 'shared_preload_libraries') ORDER BY name`,
  );
  const settings = Object.fromEntries(rows.map((r) => [r.name, r.setting]));
  const { server_version: postgres, ...rest } = settings;
  const version = (pkg: string) => (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  return { node: process.version, postgres, cpus: os.cpus().length, settings: rest, postgraphile: version('postgraphile'), autocannon: version('autocannon') };
}

/** Stops the servers (killing them on Ctrl-C) and drops the database; never throws. */
async function cleanUp(interrupted: boolean): Promise<void> {
  const servers = running.servers.splice(0);
  if (interrupted) servers.forEach((s) => s.kill());
  else await Promise.allSettled(servers.map((s) => s.stop()));
  const db = running.db;
  running.db = undefined;
  await db?.drop().catch((error: unknown) => progress(`could not drop ${db.name}: ${String(error)}`));
}

const rounded = (l: number[]) => l.map((x) => Math.round(x * 100) / 100);
const progress = (message: string) => process.stderr.write(`${message}\n`);

main().catch(async (error: unknown) => {
  await cleanUp(true);
  process.stderr.write(`API benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
