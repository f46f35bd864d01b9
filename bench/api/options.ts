/**
 * Settings of the API benchmark (`npm run bench:api`), from flags first, then environment
 * variables, then defaults. The defaults are the issue's run; `--duration 3 --rounds 1` gives a
 * quick one while debugging.
 */
import { InvalidArgumentError, Option } from 'commander';
import { recordOption } from '../harness/record';
import { adminUrlFrom, benchCommand, DATABASE_HELP, wholeNumber } from '../harness/cli';

/** Database connections per server: the hub's default knex pool size, which startHub does not let a caller change. */
export const POOL_SIZE = 10;

/** The kinds of server: what a query is written for, and what can be profiled. */
export const TARGETS = ['hub', 'postgraphile'] as const;
export type Target = (typeof TARGETS)[number];

/**
 * The servers measured, each in a process of its own on the same database: the hub with its
 * response cache off (the headline: every request reaches PostgreSQL, as every request of
 * PostGraphile does), PostGraphile, and the hub with its response cache on (the second table).
 */
export const SERVERS = ['hub', 'postgraphile', 'hubCached'] as const;
export type ServerName = (typeof SERVERS)[number];
/** The kind of server a measured server is, and so the query it is sent. */
export const targetOf = (server: ServerName): Target => (server === 'postgraphile' ? 'postgraphile' : 'hub');

export const QUERY_NAMES = ['list', 'domain', 'profile', 'search', 'processes', 'ppp'] as const;
export type QueryName = (typeof QUERY_NAMES)[number];

/**
 * Disclosures per unit of --scale with the bundled sample feeds (20,526 at scale 1686): what
 * --disclosures divides by. An estimate; the report gives the count actually synced.
 */
export const DISCLOSURES_PER_SCALE = 12.2;

export interface ApiBenchOptions {
  /** Records per sample-feed stream synced into the database. */
  scale: number;
  /** Seconds of each measured autocannon run. */
  duration: number;
  /** Seconds of load before the measured runs of each query on each server, not recorded. */
  warmup: number;
  connections: number;
  /** Measured runs per server and query, interleaved: hub, PostGraphile, cached hub, hub … */
  rounds: number;
  /** Most requests variants per workload (different enterprises, pages, words …), cycled in one order for every server. */
  variants: number;
  queries: QueryName[];
  /** Servers profiled (V8 CPU profiler, one extra run per query); their profiles are summarised in the report. */
  cpuProf: Target[];
  /** The hub's LOG_LEVEL; `silent` by default, `info` measures what request logging costs. */
  hubLogLevel: string;
  /** Also write the printed report to this markdown file (bench/results/*.md may be committed). */
  record?: string;
  adminUrl: string;
}

type Flags = Omit<ApiBenchOptions, 'cpuProf' | 'adminUrl'> & { cpuProf: Target | 'both' | 'none'; disclosures?: number };

export function parseApiOptions(argv: string[]): ApiBenchOptions {
  const flags = benchCommand('npm run bench:api --', "API benchmark: the portal's queries against the hub and PostGraphile, in the same run.")
    .addOption(number('--scale <n>', 'records per sample-feed stream synced before the load (2000 gives ~24,300 disclosures)').env('BENCH_API_SCALE').default(2000))
    .addOption(
      number('--disclosures <n>', `about this many disclosures: sets --scale to n / ${DISCLOSURES_PER_SCALE} (30000 → scale 2460, 300000 → scale 24591)`).conflicts('scale'),
    )
    .addOption(number('--duration <s>', 'seconds per measured run').env('BENCH_API_DURATION').default(10))
    .addOption(number('--warmup <s>', 'seconds of unrecorded load per server and query first', 0).default(3))
    .addOption(number('--connections <n>', 'autocannon connections').default(10))
    .addOption(number('--rounds <n>', 'measured runs per server and query, interleaved hub, PostGraphile, cached hub, …').default(2))
    .addOption(number('--variants <n>', 'most request variants per workload (enterprises, pages, filters, words), cycled per request').default(200))
    .addOption(
      new Option('--queries <q>', `which workloads to drive, any of ${QUERY_NAMES.join(', ')}`).argParser(queryList).default([...QUERY_NAMES], QUERY_NAMES.join(',')),
    )
    .addOption(
      new Option('--cpu-prof <t>', "profile the server(s) with V8's CPU profiler in one extra run per query (not counted in the figures); .cpuprofile files go to bench/results/profiles")
        .choices([...TARGETS, 'both', 'none'])
        .default('none'),
    )
    .option('--hub-log-level <level>', "the hub's LOG_LEVEL (logs go to /dev/null)", 'silent')
    .addOption(recordOption())
    .addHelpText('after', DATABASE_HELP)
    .parse(argv, { from: 'user' })
    .opts<Flags>();
  const { cpuProf, disclosures, ...settings } = flags;
  return {
    ...settings,
    scale: disclosures ? Math.ceil(disclosures / DISCLOSURES_PER_SCALE) : settings.scale,
    cpuProf: cpuProf === 'both' ? [...TARGETS] : cpuProf === 'none' ? [] : [cpuProf],
    adminUrl: adminUrlFrom(process.env),
  };
}

const number = (flags: string, description: string, min = 1) => new Option(flags, description).argParser(wholeNumber(min));

function queryList(raw: string): QueryName[] {
  const names = raw.split(',').map((q) => q.trim()).filter(Boolean);
  const expected = `takes any of ${QUERY_NAMES.join(', ')}`;
  if (names.length === 0) throw new InvalidArgumentError(`${expected}, got nothing`);
  for (const name of names) {
    if (!(QUERY_NAMES as readonly string[]).includes(name)) throw new InvalidArgumentError(`${expected}, got "${name}"`);
  }
  return [...new Set(names)] as QueryName[];
}
