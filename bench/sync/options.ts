import { Option } from 'commander';
import { adminUrlFrom, benchCommand, DATABASE_HELP, wholeNumber } from '../harness/cli';
import { recordOption } from '../harness/record';

/** What a run measures; all of them unless --only names one. */
export const MEASUREMENTS = ['throughput', 'memory', 'file-load', 'review', 'manifest'] as const;
export type Measurement = (typeof MEASUREMENTS)[number];

/**
 * The sync benchmark's settings, from flags first, then environment variables, then defaults. The
 * defaults are the issues' acceptance runs; smaller scales give a quick run while debugging.
 */
export interface BenchOptions {
  /** Records in the feed for the throughput measurement (sync vs COPY). */
  scale: number;
  /** Feed sizes of the two memory measurements of a sync; the issue compares S with 10×S. */
  rssSmall: number;
  rssLarge: number;
  /** Records in the two JSON-array files whose loads are compared for memory: 100k against 1M. */
  fileSmall: number;
  fileLarge: number;
  /** Records per stream in the feeds of the review-cost measurement (each stream synced four times). */
  reviewScale: number;
  /** Records of credit/licences each side of the manifest measurement syncs (coded, manifest, JSONata). */
  manifestScale: number;
  /** Runs per side of the manifest measurement; each side keeps its fastest. */
  manifestRounds: number;
  /** Profile one extra run per side of the manifest measurement (V8 CPU profiles in bench/results/profiles). */
  manifestProfile: boolean;
  measurements: ReadonlySet<Measurement>;
  /** Also write the printed report to this markdown file, to be committed. */
  record?: string;
  /** Server the benchmark creates its throw-away databases on. */
  adminUrl: string;
}

interface Flags {
  scale: number;
  rssSmall: number;
  rssLarge?: number;
  fileSmall: number;
  fileLarge?: number;
  reviewScale: number;
  manifestScale: number;
  manifestRounds: number;
  manifestProfile?: boolean;
  only?: Measurement;
  record?: string;
}

export function parseOptions(argv: string[]): BenchOptions {
  const flags = benchCommand('npm run bench --', 'Sync benchmark: sync vs COPY, peak RSS of syncs and of JSON-array file loads, the review\'s cost, a manifest stream vs a coded one.')
    .addOption(count('--scale <n>', 'records synced for the throughput measurement', 'BENCH_SCALE').default(100_000))
    .addOption(count('--rss-small <n>', 'feed size of the first memory measurement', 'BENCH_RSS_SMALL').default(20_000))
    .addOption(count('--rss-large <n>', 'feed size of the second one (default: 10 × rss-small)', 'BENCH_RSS_LARGE'))
    .addOption(count('--file-small <n>', 'records in the smaller JSON-array file loaded', 'BENCH_FILE_SMALL').default(100_000))
    .addOption(count('--file-large <n>', 'records in the larger one (default: 10 × file-small)', 'BENCH_FILE_LARGE'))
    .addOption(count('--review-scale <n>', 'records per stream for the review-cost measurement', 'BENCH_REVIEW_SCALE').default(20_000))
    .addOption(count('--manifest-scale <n>', 'records synced by each side of the manifest measurement', 'BENCH_MANIFEST_SCALE').default(20_000))
    .addOption(count('--manifest-rounds <n>', 'runs per side of the manifest measurement (each keeps its fastest)', 'BENCH_MANIFEST_ROUNDS').default(2))
    .addOption(new Option('--manifest-profile', 'profile one extra run per side of the manifest measurement (not counted)').env('BENCH_MANIFEST_PROFILE'))
    .addOption(new Option('--only <measurement>', 'run only this measurement').choices(MEASUREMENTS))
    .addOption(recordOption())
    .addHelpText('after', DATABASE_HELP)
    .parse(argv, { from: 'user' })
    .opts<Flags>();
  return {
    scale: flags.scale,
    rssSmall: flags.rssSmall,
    rssLarge: flags.rssLarge ?? flags.rssSmall * 10,
    fileSmall: flags.fileSmall,
    fileLarge: flags.fileLarge ?? flags.fileSmall * 10,
    reviewScale: flags.reviewScale,
    manifestScale: flags.manifestScale,
    manifestRounds: flags.manifestRounds,
    manifestProfile: flags.manifestProfile ?? false,
    measurements: new Set(flags.only ? [flags.only] : MEASUREMENTS),
    record: flags.record,
    adminUrl: adminUrlFrom(process.env),
  };
}

const count = (flags: string, description: string, envName: string) => new Option(flags, description).env(envName).argParser(wholeNumber());
