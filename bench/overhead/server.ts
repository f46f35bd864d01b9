/**
 * The hub for the overhead benchmark, in a process of its own, with some pieces of its request path
 * taken out (bench/overhead/pieces.ts):
 *
 *   node bin/run-ts.js bench/overhead/server.ts --db <database url> [--without pino-http,metrics,…]
 *
 * Otherwise it is bench/api/server.ts's hub: startHub as `hub serve` runs it in production
 * (NODE_ENV=production, LOG_LEVEL=silent, schedule off), answering the same IPC (CPU time, profiles, stop).
 */
import { Command } from 'commander';
import { PIECES, takeOut, type Piece } from './pieces';

const flags = new Command('overhead/server.ts')
  .requiredOption('--db <url>', 'database to serve')
  .option('--without <pieces>', `comma-separated, of: ${PIECES.join(', ')}`, '')
  .option('--log-level <level>', "the hub's LOG_LEVEL", 'silent')
  .parse(process.argv.slice(2), { from: 'user' })
  .opts<{ db: string; without: string; logLevel: string }>();

const without = flags.without.split(',').filter(Boolean) as Piece[];
const unknown = without.filter((piece) => !PIECES.includes(piece));
if (unknown.length) throw new Error(`no such piece: ${unknown.join(', ')}`);
// Before bench/api/server.ts, which loads the hub.
const settings = takeOut(without);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serveOverIpc, startHubServer } = require('../api/server') as typeof import('../api/server');
void serveOverIpc(() => startHubServer(flags.db, flags.logLevel, undefined, settings));
