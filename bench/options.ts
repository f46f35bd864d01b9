/**
 * The benchmark's settings, from flags first, then environment variables, then defaults. The
 * defaults are the acceptance run; smaller scales give a quick run while debugging.
 */
export interface BenchOptions {
  /** Records in the feed for the throughput measurement (sync vs COPY). */
  scale: number;
  /** Feed sizes of the two memory measurements; the issue compares S with 10×S. */
  rssSmall: number;
  rssLarge: number;
  /** Server the benchmark creates its throw-away databases on. */
  adminUrl: string;
}

export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

const USAGE = `usage: npm run bench -- [--scale N] [--rss-small N] [--rss-large N]
  --scale N       records synced for the throughput measurement (env BENCH_SCALE, default 100000)
  --rss-small N   feed size of the first memory measurement (env BENCH_RSS_SMALL, default 20000)
  --rss-large N   feed size of the second one (env BENCH_RSS_LARGE, default 10 × rss-small)
  database: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else ${DEFAULT_ADMIN_URL}`;

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  const flags = parseFlags(argv);
  const scale = positiveInt(flags.scale ?? env.BENCH_SCALE, 100_000, '--scale');
  const rssSmall = positiveInt(flags['rss-small'] ?? env.BENCH_RSS_SMALL, 20_000, '--rss-small');
  const rssLarge = positiveInt(flags['rss-large'] ?? env.BENCH_RSS_LARGE, rssSmall * 10, '--rss-large');
  const adminUrl = env.BENCH_DATABASE_URL || env.TEST_DATABASE_URL || DEFAULT_ADMIN_URL;
  return { scale, rssSmall, rssLarge, adminUrl };
}

/** `--name value` and `--name=value` pairs; anything else is a usage error. */
export function parseFlags(argv: string[]): Record<string, string> {
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match) usage(`unexpected argument "${argv[i]}"`);
    if (match[1] === 'help') usage();
    const value = match[2] ?? argv[++i];
    if (value === undefined) usage(`--${match[1]} needs a value`);
    flags[match[1]] = value;
  }
  return flags;
}

function positiveInt(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) usage(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

function usage(problem?: string): never {
  if (problem) process.stderr.write(`${problem}\n`);
  process.stderr.write(`${USAGE}\n`);
  process.exit(problem ? 2 : 0);
}
