/**
 * Settings of the API benchmark (`npm run bench:api`), from flags first, then environment
 * variables, then defaults. The defaults are the run; `--duration 3 --rounds 1` gives a
 * quick one while debugging.
 */
import { InvalidArgumentError, Option } from 'commander';
import { adminUrlFrom, benchCommand, DATABASE_HELP, wholeNumber } from '../harness/cli';

/** Database connections per server: the hub's default knex pool size, which startHub does not let a caller change. */
export const POOL_SIZE = 10;

export const TARGETS = ['hub', 'postgraphile'] as const;
export type Target = (typeof TARGETS)[number];
const QUERY_NAMES = ['list', 'profile'] as const;
export type QueryName = (typeof QUERY_NAMES)[number];

export interface ApiBenchOptions {
  /** Records per sample-feed stream synced into the database (13 streams). */
  scale: number;
  /** Seconds of each measured autocannon run. */
  duration: number;
  /** Seconds of load before the measured runs of each query on each server, not recorded. */
  warmup: number;
  connections: number;
  /** Measured runs per server and query, interleaved: hub, PostGraphile, hub, PostGraphile … */
  rounds: number;
  queries: QueryName[];
  /** Servers profiled (V8 CPU profiler, one extra run per query); their profiles are summarised in the report. */
  cpuProf: Target[];
  /** The hub's LOG_LEVEL; `silent` by default, `info` measures what request logging costs. */
  hubLogLevel: string;
  adminUrl: string;
}

type Flags = Omit<ApiBenchOptions, 'cpuProf' | 'adminUrl'> & { cpuProf: Target | 'both' | 'none' };

export function parseApiOptions(argv: string[]): ApiBenchOptions {
  const flags = benchCommand('npm run bench:api --', 'API benchmark: the portal\'s queries against the hub and PostGraphile, in the same run.')
    .addOption(number('--scale <n>', 'records per sample-feed stream synced before the load').env('BENCH_API_SCALE').default(2000))
    .addOption(number('--duration <s>', 'seconds per measured run').env('BENCH_API_DURATION').default(10))
    .addOption(number('--warmup <s>', 'seconds of unrecorded load per server and query first', 0).default(3))
    .addOption(number('--connections <n>', 'autocannon connections').default(10))
    .addOption(number('--rounds <n>', 'measured runs per server and query, interleaved hub, PostGraphile, hub, …').default(2))
    .addOption(new Option('--queries <q>', 'which queries to drive: list, profile or both').argParser(queryList).default([...QUERY_NAMES], 'list,profile'))
    .addOption(
      new Option('--cpu-prof <t>', 'profile the server(s) with V8\'s CPU profiler in one extra run per query (not counted in the figures); .cpuprofile files go to bench/results/profiles')
        .choices([...TARGETS, 'both', 'none'])
        .default('none'),
    )
    .option('--hub-log-level <level>', "the hub's LOG_LEVEL (logs go to /dev/null)", 'silent')
    .addHelpText('after', DATABASE_HELP)
    .parse(argv, { from: 'user' })
    .opts<Flags>();
  const { cpuProf, ...settings } = flags;
  return {
    ...settings,
    cpuProf: cpuProf === 'both' ? [...TARGETS] : cpuProf === 'none' ? [] : [cpuProf],
    adminUrl: adminUrlFrom(process.env),
  };
}

const number = (flags: string, description: string, min = 1) => new Option(flags, description).argParser(wholeNumber(min));

function queryList(raw: string): QueryName[] {
  const names = raw.split(',').map((q) => q.trim()).filter(Boolean);
  if (names.length === 0) throw new InvalidArgumentError('takes list and/or profile, got nothing');
  for (const name of names) {
    if (!(QUERY_NAMES as readonly string[]).includes(name)) throw new InvalidArgumentError(`takes list and/or profile, got "${name}"`);
  }
  return [...new Set(names)] as QueryName[];
}
