/**
 * Settings of the soak benchmark (`npm run bench:soak`), from flags, then defaults. The defaults
 * are the run (30 minutes); `--minutes 3 --sync-every 1 --scale 300` gives a short one.
 */
import { InvalidArgumentError, Option } from 'commander';
import { recordOption } from '../harness/record';
import { adminUrlFrom, benchCommand, DATABASE_HELP, wholeNumber } from '../harness/cli';

export interface SoakOptions {
  /** Length of the soak, after the idle baseline. */
  minutes: number;
  /** Minutes between two sync rounds of every stream, fired by the hub's own scheduler. */
  syncEvery: number;
  connections: number;
  /** Records per sample-feed stream, synced before the load and served to the scheduled syncs. */
  scale: number;
  /** Length of one sample of the time series. */
  sampleSeconds: number;
  /** Length of the idle baseline: the same query mix on a hub with no sync. */
  idleSeconds: number;
  /** The hub's HUB_RESPONSE_CACHE: `off` makes every query reach the engine and the database. */
  responseCache: 'on' | 'off';
  /** Also write the printed report to this markdown file, to be committed. */
  record?: string;
  adminUrl: string;
}

export function parseSoakOptions(argv: string[]): SoakOptions {
  const command = benchCommand('npm run bench:soak --', 'Soak benchmark: the portal\'s query mix against one hub for a long while, its scheduler syncing every few minutes.')
    .addOption(number('--minutes <n>', 'length of the soak').default(30))
    .addOption(new Option('--sync-every <n>', 'minutes between sync rounds; divides 60, as a cron step does').argParser(divisorOfAnHour).default(3))
    .addOption(number('--connections <n>', 'autocannon connections').default(10))
    .addOption(number('--scale <n>', 'records per sample-feed stream').default(2000))
    .addOption(number('--sample-seconds <n>', 'seconds per sample of the time series').default(10))
    .addOption(number('--idle-seconds <n>', 'seconds of the idle baseline (no sync)').default(60))
    .addOption(new Option('--response-cache <state>', "the hub's HUB_RESPONSE_CACHE (off: every query reaches the engine)").choices(['on', 'off']).default('on'))
    .addOption(recordOption())
    .addHelpText('after', DATABASE_HELP)
    .parse(argv, { from: 'user' });
  const flags = command.opts<Omit<SoakOptions, 'adminUrl'>>();
  // Mistakes across flags exit with 2 too: commander's error() goes through benchCommand's exit.
  if (flags.syncEvery > flags.minutes) command.error(`error: --sync-every ${flags.syncEvery} is longer than --minutes ${flags.minutes}: no sync would run in the soak`);
  if (flags.sampleSeconds * 2 > flags.minutes * 60) command.error(`error: --sample-seconds ${flags.sampleSeconds} leaves fewer than two samples in ${flags.minutes} minute(s)`);
  return { ...flags, adminUrl: adminUrlFrom(process.env) };
}

const number = (flags: string, description: string) => new Option(flags, description).argParser(wholeNumber());

/**
 * The hub's cron can only repeat evenly within each hour when the step divides 60 (a step of 7
 * fires at :56 and again at :00); anything else would make the gaps between rounds uneven.
 */
function divisorOfAnHour(raw: string): number {
  const n = wholeNumber()(raw);
  if (60 % n !== 0) throw new InvalidArgumentError(`expected a number of minutes that divides 60 (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60), got ${n}`);
  return n;
}
