/**
 * The parts of the hub's request path the overhead benchmark takes out one at a time, to find what
 * each costs. Most are taken out by standing in for the module that provides them, in the server's
 * own process before the hub is loaded (bench/overhead/server.ts): the hub is then started exactly
 * as in production, with that one part doing nothing. Nothing in src/ knows about this.
 */
import type { PlainMiddleware } from '../../src/server/requestPath';

export const PIECES = ['request-log', 'metrics', 'cache-control', 'response-cache', 'graphql-armor', 'database-outage', 'json-depth', 'cors'] as const;
export type Piece = (typeof PIECES)[number];

const passThrough: PlainMiddleware = (_req, _res, next) => next();

type Exports = Record<string, unknown>;
interface StandIn {
  /** What to require, from this file (tsx resolves the .ts sources). */
  module: string;
  /** The module's exports with the piece made a no-op. */
  exports: (real: Exports) => unknown;
}

/** How each piece is taken out: its module stood in for, or a setting of the hub's. */
const TAKE_OUT: Record<Piece, StandIn | { settings: Record<string, string> }> = {
  // The request's id (X-Request-Id) and logger; pino-http and a line per request at level info.
  'request-log': { module: '../../src/server/requestLog', exports: (real) => ({ ...real, requestLogging: () => passThrough }) },
  // The HTTP histogram's middleware and the GraphQL operation histogram's plugin.
  metrics: {
    module: '../../src/server/metrics',
    exports: (real) => ({
      ...real,
      createMetrics: (...args: unknown[]) => ({ ...(real.createMetrics as (...a: unknown[]) => object)(...args), http: passThrough, graphql: {} }),
    }),
  },
  // The hub's cache policy (read once per operation; Apollo's own plugin is disabled). Without it
  // nothing is cacheable, so the response cache keeps nothing either.
  'cache-control': { module: '../../src/server/staticCachePolicy', exports: (real) => ({ ...real, staticCachePolicy: () => ({}) }) },
  'response-cache': { settings: { HUB_RESPONSE_CACHE: 'off' } },
  // graphql-armor's validation rules and plugins; graphql-js's token limit (a parse option) stays.
  'graphql-armor': {
    module: '../../src/graphql/protection',
    exports: (real) => ({ ...real, queryLimits: () => ({ plugins: [], validationRules: [], allowBatchedHttpRequests: false, parseOptions: { maxTokens: real.MAX_TOKENS } }) }),
  },
  'database-outage': { module: '../../src/server/databaseOutage', exports: (real) => ({ ...real, databaseOutagePlugin: () => ({}) }) },
  'json-depth': { module: '../../src/server/jsonDepth', exports: (real) => ({ ...real, queryStringJsonDepth: passThrough, verifyJsonDepth: () => undefined }) },
  cors: { module: 'cors', exports: () => () => passThrough },
};

/**
 * Takes `pieces` out of the hub this process is about to load, and returns the settings to start
 * it with. Must run before anything requires src/hub: modules loaded later get the stand-ins.
 */
export function takeOut(pieces: readonly Piece[]): Record<string, string> {
  let settings: Record<string, string> = {};
  for (const piece of pieces) {
    const how = TAKE_OUT[piece];
    if ('settings' in how) {
      settings = { ...settings, ...how.settings };
      continue;
    }
    const file = require.resolve(how.module);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const real = require(file) as Exports;
    const standIn = how.exports(real);
    // Compiled TypeScript reads named imports off an ES module's exports only when it says it is one.
    if (typeof standIn === 'object') Object.defineProperty(standIn, '__esModule', { value: true });
    require.cache[file]!.exports = standIn;
  }
  return settings;
}
