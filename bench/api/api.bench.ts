/**
 * API benchmark (`npm run bench:api`): the portal's pages as workloads (list, domain, profile,
 * search, processes, ppp; bench/api/workloads/), each driven by autocannon against the hub and, in
 * the same run and on the same database, against PostGraphile v4 with the closest equivalent query.
 * The headline is the hub with its response cache OFF (HUB_RESPONSE_CACHE=off), so that every
 * request of both servers reaches PostgreSQL; the hub with its cache on (the default) is a second
 * table. Reports requests/s, latency (p50, p99), errors and mismatches, SQL statements per request
 * and server CPU per request for each, the hub / PostGraphile ratios and the target's verdict;
 * prints a table, writes bench/results/api-<timestamp>.json (and with --record a markdown copy of the
 * report), and exits 0 even when the target is missed (it says "TARGET MISSED"): it measures, it
 * does not gate. `npm run bench:api -- --help` lists the knobs.
 *
 * How it is fair:
 * - one fresh database (migrated, filled by syncing every connector from the bundled sample feeds,
 *   then VACUUM ANALYZE), dropped at the end and on Ctrl-C; the only thing added for PostGraphile is
 *   a SQL function doing the hub's search (postgraphileFunctions.ts), as a PostGraphile project would;
 * - each server in a child process of its own (bench/api/server.ts), none sharing an event loop
 *   with autocannon, which runs here; all with NODE_ENV=production and 10 database connections
 *   (the hub's default pool; PostGraphile gets a pg.Pool of 10); PostGraphile's query log is off as
 *   the hub's logs are (LOG_LEVEL=silent unless --hub-log-level says otherwise);
 * - every request is a different variant (another page, filter, enterprise or word; up to
 *   --variants per workload), sent in one order to every server: the i-th request of a run, over
 *   all connections, is variant i mod n, so no server answers one query over and over;
 * - only one server is under load at a time, warmed up first, and the measured runs alternate hub,
 *   PostGraphile, cached hub, hub … so drift in the machine's other load hits all of them;
 * - before the load every server answers every variant once: the hub's answers are compared with
 *   PostGraphile's (the report says where and why they differ), and under load every answer is
 *   compared with the one checked for its variant, so a server that answers fast with errors shows
 *   up as mismatches.
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
import { measureWorkload } from './measure';
import { parseApiOptions, POOL_SIZE, type ApiBenchOptions } from './options';
import { createPostGraphileFunctions } from './postgraphileFunctions';
import { recordReport } from '../harness/record';
import { formatApiReport, notesFor, targetVerdict, type ApiBenchResults, type QueryFigures, type SkippedQuery } from './report';
import { withServers } from './serverProcess';
import { WORKLOADS } from './workloads';

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
    await createPostGraphileFunctions(db.url);
    progress('starting the hub (response cache off, and on) and PostGraphile, each in its own process …');
    const hub = { target: 'hub', databaseUrl: db.url, logLevel: options.hubLogLevel } as const;
    const starts = { hub: { ...hub, responseCache: 'off' }, hubCached: { ...hub, responseCache: 'on' }, postgraphile: { target: 'postgraphile', databaseUrl: db.url } } as const;
    const { queries, skipped, profiles } = await withServers(leftovers, starts, async (servers) => {
      const measured: QueryFigures[] = [];
      const notRun: SkippedQuery[] = [];
      const profiled: ApiBenchResults['profiles'] = [];
      for (const name of options.queries) {
        const { figures, profiles: p } = await measureWorkload(WORKLOADS[name], servers, db.url, options);
        if ('skipped' in figures) notRun.push(figures);
        else measured.push(figures);
        profiled.push(...p);
      }
      return { queries: measured, skipped: notRun, profiles: profiled };
    });
    return {
      startedAt: startedAt.toISOString(),
      environment: { ...environment, loadAverageStart: rounded(loadAverageStart), loadAverageEnd: rounded(os.loadavg()) },
      settings: settingsOf(options),
      data,
      queries,
      skipped,
      target: targetVerdict(queries),
      profiles,
      notes: notesFor(environment.cpus, loadAverageStart, queries),
    };
  });
  const report = [formatApiReport(results), ...results.profiles.map((p) => formatProfile(p.summary, `CPU profile, ${p.target}, ${p.query} workload (one extra run, profiler on)`))].join('\n\n');
  process.stdout.write(`${report}\n`);
  const file = writeResults('api', results);
  process.stdout.write(`results: ${file}\n`);
  if (options.record) process.stdout.write(`recorded: ${recordReport(options.record, { title: 'API benchmark', script: 'bench:api' }, report, results.startedAt, file)}\n`);
});

function settingsOf(o: ApiBenchOptions): ApiBenchResults['settings'] {
  return { scale: o.scale, duration: o.duration, warmup: o.warmup, connections: o.connections, rounds: o.rounds, variants: o.variants, poolSize: POOL_SIZE, hubLogLevel: o.hubLogLevel };
}

const rounded = (loads: number[]) => loads.map((x) => round(x, 2));
