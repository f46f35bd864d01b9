import { argParser } from './cliArgs';
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

const args = argParser(USAGE);

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  const flags = args.flags(argv);
  const scale = args.int(flags.scale ?? env.BENCH_SCALE, 100_000, '--scale');
  const rssSmall = args.int(flags['rss-small'] ?? env.BENCH_RSS_SMALL, 20_000, '--rss-small');
  const rssLarge = args.int(flags['rss-large'] ?? env.BENCH_RSS_LARGE, rssSmall * 10, '--rss-large');
  const adminUrl = env.BENCH_DATABASE_URL || env.TEST_DATABASE_URL || DEFAULT_ADMIN_URL;
  return { scale, rssSmall, rssLarge, adminUrl };
}
