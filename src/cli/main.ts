import { Command, CommanderError } from 'commander';
import type { HubComponents } from '../components';
import { registerServe } from './commands/serve';
import { registerMigrate } from './commands/migrate';
import { registerSync } from './commands/sync';
import { registerStatus } from './commands/status';
import { registerFeeds } from './commands/feeds';
import { registerQuarantine } from './commands/quarantine';
import { registerExport } from './commands/export';
import { registerReview } from './commands/review';
import { registerConnectors } from './commands/connectors';
import { registerReport } from './commands/report';
import { connectorsDirOf } from '../config/config';
import { withManifests } from '../manifest/withManifests';

/** Errors a user can cause or fix: printed as one line, without a stack trace. */
const USER_ERRORS = new Set([
  'ConfigError',
  'DatabaseUnavailableError',
  'DataDirInUseError',
  'PortInUseError',
  'UnknownStreamError',
  'StreamBusyError',
  'FetchError',
  'UsageError',
  'NoFeedsError',
  'ReviewRefusedError',
  'ManifestError',
]);

export function buildProgram(components: HubComponents): Command {
  const program = new Command('hub')
    .description('Disclosure Hub: sync government disclosure feeds and serve them over GraphQL')
    .showHelpAfterError('(run "hub --help" for the commands)')
    .exitOverride();
  registerServe(program, components);
  registerMigrate(program);
  registerSync(program, components);
  registerStatus(program, components);
  registerQuarantine(program, components);
  registerReview(program);
  registerFeeds(program, components);
  registerExport(program);
  registerConnectors(program, components);
  registerReport(program);
  return program;
}

/** Runs the `hub` command line against the given connectors and samples (the composition root's). */
export async function runCli(argv: string[], components: HubComponents): Promise<void> {
  try {
    await buildProgram(withManifests(components, connectorsDirOf(process.env))).parseAsync(argv);
  } catch (error) {
    process.exitCode = reportError(error);
  }
}

/**
 * Exit codes: 1 when something failed (the database, a feed, the port), 2 when the command line
 * itself was wrong (commander's errors and UsageError), so a script can tell a typo from an outage.
 * (`hub sync` also exits 2 when a stream failed.) Help and version exit 0.
 */
const USAGE_EXIT_CODE = 2;

function reportError(error: unknown): number {
  // Commander has printed its message; its errors are 1, help and version 0.
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : USAGE_EXIT_CODE;
  const e = error as Error;
  if (USER_ERRORS.has(e?.name) || process.env.HUB_DEBUG !== '1') {
    process.stderr.write(`hub: ${e?.message ?? String(error)}\n`);
    if (!USER_ERRORS.has(e?.name)) process.stderr.write('hub: (set HUB_DEBUG=1 for the stack trace)\n');
  } else {
    process.stderr.write(`${e.stack ?? e}\n`);
  }
  return e?.name === 'UsageError' ? USAGE_EXIT_CODE : 1;
}
