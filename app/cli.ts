import { runCli } from '../src/cli/main';
import { HUB_COMPONENTS } from './components';

/** The `hub` command (bin/hub.js): the engine's CLI with the built-in connectors and samples. */
export function main(argv: string[]): Promise<void> {
  return runCli(argv, HUB_COMPONENTS);
}
