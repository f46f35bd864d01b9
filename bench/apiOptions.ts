import { argParser } from './cliArgs';
/**
 * Settings of the API benchmark (`npm run bench:api`), from flags first, then environment
 * variables, then defaults. The defaults are the run; `--duration 3 --rounds 1` gives a
 * quick one while debugging.
 */
import { DEFAULT_ADMIN_URL } from './options';

/** Database connections per server: the hub's default knex pool size, which startHub does not let a caller change. */
export const POOL_SIZE = 10;

export type Target = 'hub' | 'postgraphile';
export type QueryName = 'list' | 'profile';

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

const USAGE = `usage: npm run bench:api -- [--scale N] [--duration S] [--warmup S] [--connections N] [--rounds N]
                          [--queries list,profile] [--cpu-prof hub|postgraphile|both] [--hub-log-level L]
  --scale N          records per sample-feed stream synced before the load (env BENCH_API_SCALE, default 2000)
  --duration S       seconds per measured run (env BENCH_API_DURATION, default 10)
  --warmup S         seconds of unrecorded load per server and query first (default 3)
  --connections N    autocannon connections (default 10)
  --rounds N         measured runs per server and query, interleaved hub, PostGraphile, hub, … (default 2)
  --queries Q        which queries to drive: list, profile or both (default list,profile)
  --cpu-prof T       profile hub, postgraphile or both with V8's CPU profiler in one extra run per query
                     (not counted in the figures); .cpuprofile files go to bench/results/profiles
  --hub-log-level L  the hub's LOG_LEVEL (default silent; logs go to /dev/null)
  database: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else ${DEFAULT_ADMIN_URL}`;

const args = argParser(USAGE);
const usage = args.usage;

export function parseApiOptions(argv: string[], env: NodeJS.ProcessEnv): ApiBenchOptions {
  const flags = args.flags(argv);
  const known = ['scale', 'duration', 'warmup', 'connections', 'rounds', 'queries', 'cpu-prof', 'hub-log-level'];
  for (const name of Object.keys(flags)) if (!known.includes(name)) usage(`unknown option --${name}`);
  const queries = (flags.queries ?? 'list,profile').split(',').map((q) => q.trim()).filter(Boolean);
  for (const q of queries) if (q !== 'list' && q !== 'profile') usage(`--queries takes list and/or profile, got "${q}"`);
  const prof = flags['cpu-prof'] ?? 'none';
  if (!['none', 'hub', 'postgraphile', 'both'].includes(prof)) usage(`--cpu-prof takes hub, postgraphile, both or none, got "${prof}"`);
  return {
    scale: args.int(flags.scale ?? env.BENCH_API_SCALE, 2000, '--scale'),
    duration: args.int(flags.duration ?? env.BENCH_API_DURATION, 10, '--duration'),
    warmup: args.int(flags.warmup, 3, '--warmup', 0),
    connections: args.int(flags.connections, 10, '--connections'),
    rounds: args.int(flags.rounds, 2, '--rounds'),
    queries: [...new Set(queries)] as QueryName[],
    cpuProf: prof === 'both' ? ['hub', 'postgraphile'] : prof === 'none' ? [] : [prof as Target],
    hubLogLevel: flags['hub-log-level'] ?? 'silent',
    adminUrl: env.BENCH_DATABASE_URL || env.TEST_DATABASE_URL || DEFAULT_ADMIN_URL,
  };
}
