import { Command, CommanderError } from 'commander';
import { registerServe } from './commands/serve';
import { registerMigrate } from './commands/migrate';
import { registerSync } from './commands/sync';
import { registerStatus } from './commands/status';
import { registerFeeds } from './commands/feeds';
import { registerQuarantine } from './commands/quarantine';
import { registerExport } from './commands/export';

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
]);

export function buildProgram(): Command {
  const program = new Command('hub')
    .description('Disclosure Hub: sync government disclosure feeds and serve them over GraphQL')
    .showHelpAfterError('(run "hub --help" for the commands)')
    .exitOverride();
  registerServe(program);
  registerMigrate(program);
  registerSync(program);
  registerStatus(program);
  registerQuarantine(program);
  registerFeeds(program);
  registerExport(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    process.exitCode = reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode; // commander has printed its message
  const e = error as Error;
  if (USER_ERRORS.has(e?.name) || process.env.HUB_DEBUG !== '1') {
    process.stderr.write(`hub: ${e?.message ?? String(error)}\n`);
    if (!USER_ERRORS.has(e?.name)) process.stderr.write('hub: (set HUB_DEBUG=1 for the stack trace)\n');
  } else {
    process.stderr.write(`${e.stack ?? e}\n`);
  }
  return 1;
}
