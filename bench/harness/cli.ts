import { Command, InvalidArgumentError } from 'commander';

export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Usage mistakes exit with 2, as before commander, so a script can tell them from a failed run (1). */
const USAGE_EXIT_CODE = 2;

/**
 * A benchmark's command line: commander with `--help`, flags that may also come from environment
 * variables (Option#env), and mistakes that say what was wrong and exit with status 2.
 */
export function benchCommand(name: string, description: string): Command {
  return new Command(name)
    .description(description)
    .showHelpAfterError('(add --help for every option)')
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : USAGE_EXIT_CODE));
}

/** commander argument parser: a whole number of at least `min`; underscores allowed (100_000). */
export function wholeNumber(min = 1): (raw: string) => number {
  return (raw) => {
    const n = Number(raw.replace(/_/g, ''));
    if (raw.trim() === '' || !Number.isInteger(n) || n < min) throw new InvalidArgumentError(`expected a whole number of at least ${min}, got "${raw}"`);
    return n;
  };
}

/** The server the benchmarks create their throw-away databases on. */
export function adminUrlFrom(env: NodeJS.ProcessEnv): string {
  return env.BENCH_DATABASE_URL || env.TEST_DATABASE_URL || DEFAULT_ADMIN_URL;
}

export const DATABASE_HELP = `
database: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else ${DEFAULT_ADMIN_URL}`;
