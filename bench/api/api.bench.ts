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
 * - each server in a child process of its own (bench/api/server.ts), neither sharing an event loop
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
import os from 'node:os';
import { describeEnvironment, packageVersion } from '../harness/environment';
import { progress, runBenchmark, withScratchDatabase } from '../harness/lifecycle';
import { round, writeResults } from '../harness/results';
import { formatProfile } from './cpuProfile';
import { fillDatabase } from './fillDatabase';
import { measureQuery, profileRuns } from './measure';
import { parseApiOptions, POOL_SIZE, type ApiBenchOptions } from './options';
import { formatApiReport, notesFor, targetVerdict, type ApiBenchResults, type QueryFigures } from './report';
import { withServers } from './serverProcess';

/** Server settings that move the figures of a read-only load. */
const SETTINGS = ['shared_buffers', 'max_connections', 'work_mem', 'jit', 'random_page_cost', 'autovacuum', 'shared_preload_libraries'];

const options = parseApiOptions(process.argv.slice(2));

void runBenchmark('API benchmark', options.adminUrl, async (leftovers) => {
  const startedAt = new Date();
  const loadAverageStart = os.loadavg();
  const environment = { ...(await describeEnvironment(options.adminUrl, SETTINGS)), postgraphile: packageVersion('postgraphile'), autocannon: packageVersion('autocannon') };
  progress('creating and migrating a scratch database …');
  const results = await withScratchDatabase(options.adminUrl, leftovers, async (db): Promise<ApiBenchResults> => {
    const data = await fillDatabase(db.url, options.scale);
    progress('starting the hub and PostGraphile, each in its own process …');
    const starts = { hub: { databaseUrl: db.url, logLevel: options.hubLogLevel }, postgraphile: { databaseUrl: db.url } };
    const { queries, profiles } = await withServers(leftovers, starts, async (servers) => {
      const measured: QueryFigures[] = [];
      for (const name of options.queries) measured.push(await measureQuery(name, servers, data.profileUscc, options));
      return { queries: measured, profiles: await profileRuns(servers, data.profileUscc, options) };
    });
    return {
      startedAt: startedAt.toISOString(),
      environment: { ...environment, loadAverageStart: rounded(loadAverageStart), loadAverageEnd: rounded(os.loadavg()) },
      settings: settingsOf(options),
      data,
      queries,
      target: targetVerdict(queries),
      profiles,
      notes: notesFor(environment.cpus, loadAverageStart, queries),
    };
  });
  process.stdout.write(`${formatApiReport(results)}\n`);
  for (const p of results.profiles) process.stdout.write(`\n${formatProfile(p.summary, `CPU profile, ${p.target}, ${p.query} query (one extra run, profiler on)`)}\n`);
  process.stdout.write(`results: ${writeResults('api', results)}\n`);
});

function settingsOf(o: ApiBenchOptions): ApiBenchResults['settings'] {
  return { scale: o.scale, duration: o.duration, warmup: o.warmup, connections: o.connections, rounds: o.rounds, poolSize: POOL_SIZE, hubLogLevel: o.hubLogLevel };
}

const rounded = (loads: number[]) => loads.map((x) => round(x, 2));
