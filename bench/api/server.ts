/**
 * One GraphQL server for the API benchmark, in a process of its own so that it does not share an
 * event loop with autocannon (the load generator) or with the other server:
 *
 *   node bin/run-ts.js bench/api/server.ts --target hub|postgraphile --db <database url> [--log-level L] [--feeds <url>] [--response-cache on|off]
 *
 * hub: startHub exactly as `hub serve` runs it in production (NODE_ENV=production, schedule off, a
 * dummy feed URL so no sample sync starts), with HUB_RESPONSE_CACHE as --response-cache says (the
 * hub's default, on, without). With --feeds (the soak benchmark) the schedule is on
 * and the hub syncs from those feeds itself, when HUB_CRON_<CONNECTOR>_<STREAM> in this process's
 * environment (or each stream's own schedule) says.
 *
 * postgraphile: PostGraphile v4's HTTP handler on a plain node http server, over a pg.Pool of the
 * same size as the hub's knex pool (10, the hub's default: startHub has no setting for it).
 *
 * Every statement either server sends goes through pg's Client#query, which this process counts.
 * Over IPC it sends {type:'ready', url} once listening, answers {type:'stats', id} with the
 * statement count, the process's CPU time, RSS and live heap, starts and stops V8's CPU profiler
 * on request (for one run only, not the start-up), and stops cleanly on {type:'stop'}.
 */
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { Command, Option } from 'commander';
import { LiveHeap } from '../harness/liveHeap';
import { Profiler } from '../harness/profiler';
import { observeStatements, RecentStatements } from '../harness/statements';
import { POOL_SIZE, TARGETS, type Target } from './options';
import type * as HubModule from '../../src/hub';
import type * as ConfigModule from '../../src/config/config';
import type * as ComponentsModule from '../../app/components';

export interface ServerStats {
  statements: number;
  /** With `since`: the text of each statement sent after the `since`-th (as far as the last 256 go). */
  sql?: string[];
  /** User + system CPU time of this process so far, microseconds. */
  cpuMicros: number;
  rssKiB: number;
  /** The old generation after V8's latest full collection (LiveHeap); null before the first. */
  liveHeapKiB: number | null;
  /** Full collections so far. */
  fullCollections: number;
}

export type ParentMessage =
  | { type: 'stats'; id: number; since?: number }
  /** Starts the V8 sampling profiler (through node:inspector, so only the chosen run is profiled). */
  | { type: 'profile-start'; id: number }
  /** Stops it and writes the profile, Chrome's .cpuprofile format, to `file`. */
  | { type: 'profile-stop'; id: number; file: string }
  | { type: 'stop' };
export type ChildMessage =
  | { type: 'ready'; url: string }
  | { type: 'reply'; id: number; stats?: ServerStats; error?: string }
  | { type: 'failed'; error: string };

const recent = new RecentStatements();
const liveHeap = new LiveHeap();

/** A server the IPC loop serves: its GraphQL endpoint, and how it stops. */
export interface StartedServer {
  url: string;
  close(): Promise<void>;
}

/**
 * startHub as `hub serve` runs it in production. `settings` are added to its environment (the
 * overhead benchmark turns the response cache off with HUB_RESPONSE_CACHE).
 */
export async function startHubServer(db: string, logLevel: string, feeds: string | undefined, settings: Record<string, string> = {}): Promise<StartedServer> {
  // Loaded only here, not in PostGraphile's process: src/db/connect sets pg type parsers for the
  // whole process, and the hub's modules would only add to the other server's heap.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startHub } = require('../../src/hub') as typeof HubModule;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadConfig } = require('../../src/config/config') as typeof ConfigModule;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { HUB_COMPONENTS } = require('../../app/components') as typeof ComponentsModule;
  const hub = await startHub(
    loadConfig({
      DATABASE_URL: db,
      PORT: '0',
      HOST: '127.0.0.1',
      HUB_SCHEDULE: feeds ? 'on' : 'off',
      // Any URL stops startHub from serving and syncing the bundled sample feeds; with the schedule
      // off nothing ever fetches from the dummy one.
      HUB_FEEDS_URL: feeds ?? 'http://127.0.0.1:9/unused',
      LOG_LEVEL: logLevel,
      NODE_ENV: 'production',
      ...settings,
    }),
    HUB_COMPONENTS,
  );
  return { url: `${hub.url}/graphql`, close: () => hub.close() };
}

/**
 * PostGraphile v4 needs graphql 15 and brings its own copies, but one of its dependencies,
 * graphql-parse-resolve-info, is hoisted to the top of node_modules where it finds the hub's
 * graphql 16; a schema from one and argument coercion from the other fail ("Unexpected input type:
 * Int"). In this process, which holds nothing of the hub, every `graphql` import is pinned to the
 * copy under node_modules/postgraphile, as a project of PostGraphile's own would have it.
 */
function pinGraphqlForPostGraphile(): void {
  type Resolve = (this: unknown, request: string, parent: unknown, isMain: boolean, options?: { paths?: string[] }) => string;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Module = require('node:module') as { _resolveFilename: Resolve };
  const from = path.dirname(require.resolve('postgraphile/package.json'));
  const original = Module._resolveFilename;
  Module._resolveFilename = function (request, parent, isMain, options) {
    if (request === 'graphql' || request.startsWith('graphql/')) return original.call(this, request, parent, isMain, { paths: [from] });
    return original.call(this, request, parent, isMain, options);
  };
}

async function startPostGraphile(db: string): Promise<StartedServer> {
  pinGraphqlForPostGraphile();
  const { postgraphile } = await import('postgraphile');
  const pgPool = new pg.Pool({ connectionString: db, max: POOL_SIZE, application_name: 'postgraphile-bench' });
  const handler = postgraphile(pgPool, 'public', {
    disableDefaultMutations: true,
    // Its default logs every query to the console; the hub runs with LOG_LEVEL=silent.
    disableQueryLog: true,
    graphiql: false,
    enableCors: false,
    retryOnInitFail: false,
    graphqlRoute: '/graphql',
  });
  await handler.getGraphQLSchema();
  const server = http.createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await handler.release?.();
      await pgPool.end();
    },
  };
}

function currentStats(since?: number): ServerStats {
  const cpu = process.cpuUsage();
  return {
    statements: recent.count,
    sql: since === undefined ? undefined : recent.since(since),
    cpuMicros: cpu.user + cpu.system,
    rssKiB: Math.round(process.memoryUsage().rss / 1024),
    liveHeapKiB: liveHeap.kib ?? null,
    fullCollections: liveHeap.fullCollections,
  };
}

function send(message: ChildMessage): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const flags = new Command('api/server.ts')
    .addOption(new Option('--target <server>', 'which server').choices(TARGETS).makeOptionMandatory())
    .requiredOption('--db <url>', 'database to serve')
    .option('--log-level <level>', "the hub's LOG_LEVEL", 'silent')
    .option('--feeds <url>', 'hub only: sync from these feeds on the schedule (off without)')
    .addOption(new Option('--response-cache <state>', "hub only: HUB_RESPONSE_CACHE (the hub's default, on, without)").choices(['on', 'off']))
    .parse(process.argv.slice(2), { from: 'user' })
    .opts<{ target: Target; db: string; logLevel: string; feeds?: string; responseCache?: 'on' | 'off' }>();
  const settings: Record<string, string> = flags.responseCache ? { HUB_RESPONSE_CACHE: flags.responseCache } : {};
  await serveOverIpc(() => (flags.target === 'hub' ? startHubServer(flags.db, flags.logLevel, flags.feeds, settings) : startPostGraphile(flags.db)));
}

/**
 * Starts the server, counting its statements, and answers the parent over IPC (stats, profiles,
 * stop) until it stops or goes away. Another benchmark's server script (bench/overhead/server.ts)
 * starts its hub through this too; failing, it tells the parent and exits 1.
 */
export async function serveOverIpc(start: () => Promise<StartedServer>): Promise<void> {
  try {
    if (!process.send) throw new Error(`${path.relative(process.cwd(), process.argv[1] ?? '')} is started by a benchmark, with an IPC channel`);
    observeStatements((statement) => recent.record(statement));
    const server = await start();
    const profiler = new Profiler();
    process.on('message', (message: ParentMessage) => {
      if (message.type === 'stop') {
        void profiler.close().then(() => server.close()).finally(() => process.exit(0));
        return;
      }
      const reply = (work: Promise<ServerStats | undefined>) =>
        work.then(
          (stats) => send({ type: 'reply', id: message.id, stats }),
          (error: unknown) => send({ type: 'reply', id: message.id, error: String(error) }),
        );
      if (message.type === 'stats') void reply(Promise.resolve(currentStats(message.since)));
      else if (message.type === 'profile-start') void reply(profiler.start().then(() => undefined));
      else if (message.type === 'profile-stop') void reply(profiler.stop(message.file).then(() => undefined));
    });
    // The parent went away (Ctrl-C, a crash): do not linger.
    process.on('disconnect', () => process.exit(0));
    send({ type: 'ready', url: server.url });
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.send?.({ type: 'failed', error: message } satisfies ChildMessage);
    process.stderr.write(`benchmark server failed: ${message}\n`);
    process.exit(1);
  }
}

// bin/run-ts.js puts the script itself in argv[1]; imported by another server script, this only lends its parts.
if (path.resolve(process.argv[1] ?? '') === __filename) void main();
