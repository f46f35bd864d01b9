import type { CitySetting } from '../config/city';
import express from 'express';
import cors from 'cors';
import type { Knex } from 'knex';
import type http from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { Logger } from 'pino';
import { buildSchema } from '../graphql/schema';
import { createContext, type HubContext, type SyncService } from '../graphql/context';
import { adminAccess } from '../graphql/admin/auth';
import type { NamedAdmin } from '../config/adminTokens';
import { errorFormatter, queryLimits } from '../graphql/protection';
import type { HubMetrics } from './metrics';
import type { PublicResponseCache } from './responseCache';
import { ocdsRecordsHandler, ocdsReleasesHandler, type OcdsSettings } from '../ocds/http';
import { databaseOutagePlugin, DATABASE_UNREACHABLE_MESSAGE, isDatabaseUnreachable, RETRY_AFTER_SECONDS } from './databaseOutage';
import { databaseReadiness } from './databaseReadiness';
import { queryStringJsonDepth, verifyJsonDepth } from './jsonDepth';
import { methodNotAllowed, notFound } from './unknownRoutes';
import { requestLogging } from './requestLog';
import { graphqlPost, isGraphqlPost } from './graphqlPost';
import { pathOf, type PlainMiddleware } from './requestPath';
import { staticCachePolicy } from './staticCachePolicy';
import { acceptedQueries } from './acceptedQueries';

export interface AppOptions {
  /** The primary: admin fields, and everything that writes. */
  knex: Knex;
  /**
   * A streaming replica for public GraphQL and OCDS reads (DATABASE_READ_URL); unset, they use the
   * primary. OCDS is a public read like any portal query, so a moment's replication lag is fine.
   */
  readKnex?: Knex;
  httpServer: http.Server;
  logger: Logger;
  /** True once the hub can serve: migrations applied, scheduler started. */
  isReady: () => boolean;
  sync: SyncService;
  creditChinaTemplate: string;
  /** The city the deployment serves: region arguments are read in its vocabulary. */
  city: CitySetting;
  /** The admins (HUB_ADMIN_TOKENS, HUB_ADMIN_TOKEN): a request's bearer token names one, or none. */
  admins: readonly NamedAdmin[];
  production: boolean;
  introspection: boolean;
  corsOrigins: string[];
  metrics: HubMetrics;
  /**
   * Serves repeated public queries from memory within their max-age (HUB_RESPONSE_CACHE); unset,
   * every query is answered from the database. The hub clears it when a review decision changes
   * what is public.
   */
  responseCache?: PublicResponseCache;
  bodyLimit?: string;
  /** OCDS publication settings: the hub passes its configuration (src/ocds/settings.ts). */
  ocds: OcdsSettings;
}

/**
 * The hub's HTTP surface: GraphQL, health, readiness, metrics, OCDS and the portal. `handler` is
 * what the HTTP server runs: `POST /graphql` straight to Apollo (graphqlPost), everything else
 * through `app` (Express 5).
 */
export async function createApp(options: AppOptions): Promise<{ app: express.Express; apollo: ApolloServer<HubContext>; handler: http.RequestListener }> {
  const limits = queryLimits({ production: options.production });
  // With the response cache on, a repeat is answered from memory by Apollo's plugin; the direct path
  // would pass it by. So the direct path serves only hubs that answer every query from the database.
  const accepted = options.responseCache ? undefined : acceptedQueries<HubContext>({ timed: options.metrics.directQuery });
  const apollo = new ApolloServer<HubContext>({
    schema: buildSchema(),
    introspection: options.introspection,
    ...limits,
    plugins: [
      ...limits.plugins,
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer }),
      // Lists change at most as often as their feeds sync; types set longer or shorter hints. The
      // policy is read from the operation once per document, not per resolved field (see the file).
      ApolloServerPluginCacheControlDisabled(),
      staticCachePolicy<HubContext>({ defaultMaxAge: 60 }),
      // Public answers are kept in memory for as long as their Cache-Control already allows
      // (one minute for lists, longer for slow feeds): a portal's busiest queries repeat exactly.
      // Admin fields are private with max-age 0, so they are never cached.
      ...(options.responseCache ? [options.responseCache.plugin] : []),
      options.metrics.graphql,
      databaseOutagePlugin(),
      // Last: it records what the plugins above decided for a clean answer (its Cache-Control).
      ...(accepted ? [accepted.plugin] : []),
    ],
    formatError: errorFormatter(options.logger, options.production),
    logger: options.logger,
    // The hub stops on SIGTERM and SIGINT itself (hub.close(): HTTP, syncs, then the database).
    // Apollo's own handler, on outside tests, re-raised the signal once Apollo had stopped, killing
    // the process (exit 143) whether or not the hub's stop had ended its runs and closed the database.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  const readKnex = options.readKnex ?? options.knex;
  const contextOf = async (req: http.IncomingMessage) =>
    createContext({
      knex: readKnex,
      primary: options.knex,
      creditChinaTemplate: options.creditChinaTemplate,
      city: options.city,
      admin: adminAccess(req.headers.authorization, options.admins),
      sync: options.sync,
      publicChanged: () => options.responseCache?.clear(),
    });
  // Every request is timed, gets an id, and one log line at level info and below.
  const everyRequest = [options.metrics.http, requestLogging(options.logger)];
  const graphqlSteps = [
    ...corsStep(options.corsOrigins),
    queryStringJsonDepth,
    express.json({ limit: options.bodyLimit ?? '1mb', verify: verifyJsonDepth }) as PlainMiddleware,
  ];

  const app = express();
  app.disable('x-powered-by');
  app.use(...everyRequest);
  const readOnly = methodNotAllowed(['GET', 'HEAD']);
  app
    .route('/metrics')
    .get(async (_req, res) => {
      res.type(options.metrics.registry.contentType).send(await options.metrics.registry.metrics());
    })
    .all(readOnly);
  // Liveness: the process serves HTTP. It does not ask the database: restarting the hub would not
  // bring a lost database back, and a restart loop would only add to an outage.
  app
    .route('/healthz')
    .get((_req, res) => {
      res.json({ status: 'ok' });
    })
    .all(readOnly);
  // Ready needs both databases: the primary for syncs and admin work, the read replica (when there
  // is one) for every public query.
  const databases = [
    { name: 'database', readiness: databaseReadiness(options.knex, options.logger) },
    ...(options.readKnex ? [{ name: 'read database', readiness: databaseReadiness(options.readKnex, options.logger) }] : []),
  ];
  app
    .route('/readyz')
    .get(async (_req, res) => {
      if (!options.isReady()) return void res.status(503).json({ status: 'starting' });
      for (const { name, readiness } of databases) {
        const state = await readiness.check();
        if (!state.available) return void res.status(503).json({ status: 'unavailable', failing: name, reason: state.reason, since: state.since.toISOString() });
      }
      res.json({ status: 'ready' });
    })
    .all(readOnly);
  app.route('/ocds/releases.json').get(ocdsReleasesHandler(readKnex, options.ocds)).all(readOnly);
  app.route('/ocds/records.json').get(ocdsRecordsHandler(readKnex, options.ocds)).all(readOnly);
  // GET queries and CORS preflights; POST, the portal's every query, is answered by graphqlPost.
  app.use('/graphql', ...graphqlSteps, expressMiddleware(apollo, { context: ({ req }) => contextOf(req) }));
  // The portal last: static files only, so no file can shadow an API route above.
  app.use(portalFiles());
  app.all('/', readOnly);
  app.use(notFound);
  app.use(jsonErrors);
  const post = graphqlPost({ before: [...everyRequest, ...graphqlSteps], apollo, accepted, context: contextOf, answerError: answerRequestError });
  const handler: http.RequestListener = (req, res) => (isGraphqlPost(req) ? post(req, res) : app(req, res));
  return { app, apollo, handler };
}

/**
 * The portal's static files: index.html, its style sheets (portal.css and css/) and its plain
 * JavaScript modules (portal.js and js/). No build step, nothing from a CDN.
 */
const PORTAL_DIR = path.resolve(__dirname, '../../portal');

/**
 * The pages may load only from this origin (a CSP backs up the rule that nothing comes from
 * outside); scripts and styles are files, so no inline code is allowed either.
 */
const PORTAL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Browsers refuse a module script whose type is not JavaScript (and nosniff forbids guessing), so
 * the type is set here rather than left to the mime table of the day.
 */
const JAVASCRIPT_TYPE = 'text/javascript; charset=utf-8';

/**
 * Serves portal/ and its folders at `/`. The files carry no content hash, so caches keep them
 * briefly: the page is revalidated on every load (its ETag makes that a 304), scripts and styles
 * are kept five minutes. A page load fetches all its modules together, so they expire together.
 */
function portalFiles(): express.RequestHandler {
  return express.static(PORTAL_DIR, {
    index: 'index.html',
    maxAge: '5m',
    fallthrough: true,
    setHeaders: (res, file) => {
      res.setHeader('x-content-type-options', 'nosniff');
      if (file.endsWith('.js')) res.setHeader('content-type', JAVASCRIPT_TYPE);
      if (file.endsWith('.html')) {
        res.setHeader('cache-control', 'no-cache');
        res.setHeader('content-security-policy', PORTAL_CSP);
        res.setHeader('referrer-policy', 'same-origin');
      }
    },
  });
}

/** No origins configured: no CORS headers, so browsers allow only same-origin pages (the portal). */
function corsOrigin(origins: string[]): boolean | string[] {
  if (origins.includes('*')) return true;
  return origins.length ? origins : false;
}

/**
 * The CORS middleware, when some origin may call the API. With none configured the package only
 * copies its options and calls next() on every request, preflights included: the step is left out.
 */
function corsStep(origins: string[]): PlainMiddleware[] {
  const origin = corsOrigin(origins);
  return origin === false ? [] : [cors({ origin, methods: ['GET', 'POST', 'OPTIONS'], maxAge: 600 }) as PlainMiddleware];
}

/**
 * Errors raised outside GraphQL (a body over the limit, a body that is not JSON, a bad OCDS
 * parameter, a database that does not answer) answer as GraphQL-style JSON with the right status;
 * Express's default page would show a stack trace.
 */
const jsonErrors: express.ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent) return next(error);
  answerRequestError(error, req, res);
};

/** The JSON answer to an error raised outside GraphQL (see jsonErrors); also graphqlPost's. */
function answerRequestError(error: any, req: http.IncomingMessage, res: http.ServerResponse): void {
  if (res.headersSent) {
    // Part of the answer is out: all that can be said is that it ends here.
    req.log?.error({ err: error }, `${req.method} ${pathOf(req)} failed mid-response: ${error?.message ?? error}`);
    return void res.destroy();
  }
  if (isDatabaseUnreachable(error)) {
    res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
    return sendJson(res, 503, { errors: [{ message: DATABASE_UNREACHABLE_MESSAGE, extensions: { code: 'DATABASE_UNAVAILABLE' } }] });
  }
  const status = Number(error?.status ?? error?.statusCode) || 500;
  if (status >= 500) req.log?.error({ err: error }, `${req.method} ${pathOf(req)} failed: ${error?.message ?? error}`);
  const message =
    error?.type === 'entity.too.large'
      ? `request body is larger than the ${error.limit} byte limit`
      : error?.type === 'entity.parse.failed'
        ? 'request body is not valid JSON'
        : status < 500
          ? String(error?.message ?? 'bad request')
          : 'internal error';
  sendJson(res, status, { errors: [{ message, extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } }] });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(text));
  res.end(text);
}
