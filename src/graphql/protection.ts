import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLFormattedError } from 'graphql';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { DATABASE_UNREACHABLE_MESSAGE, isDatabaseUnreachable } from '../server/databaseOutage';

/** The most tokens one query may have; graphql-js stops parsing past it. */
export const MAX_TOKENS = 3000;

/**
 * Limits that keep one request from knocking the server over: depth, aliases, directives, tokens
 * and an estimated cost, checked before execution (graphql-armor). Page sizes are capped where lists
 * are resolved (shared/pageSize.ts); the body size and JSON depth in the HTTP layer.
 *
 * The token limit is graphql-js's own parse option rather than graphql-armor's: armor's Apollo
 * plugin parses in a hook where any failure, a plain syntax error included, becomes a 500.
 * graphql-js's limit is a syntax error of the parse itself, answered 400 like any other.
 */
export function queryLimits(options: { production: boolean }) {
  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 20 },
    maxDirectives: { n: 20 },
    maxTokens: { enabled: false },
    costLimit: { maxCost: 20000, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5 },
    // Field suggestions help developers and map the schema for attackers: only outside production.
    blockFieldSuggestion: { enabled: options.production },
  }).protect();
  return { ...armor, parseOptions: { maxTokens: MAX_TOKENS } };
}

/** Error codes whose messages are meant for the client: they say what to fix. */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * In production an unexpected error reaches the client as "internal error" with an id, and the
 * log gets the details under the same id; errors the client caused keep their messages. A database
 * that does not answer is neither: the client is told to try again (databaseOutage.ts sets 503).
 */
export function errorFormatter(logger: Logger, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? '');
    const original = (error as { originalError?: unknown })?.originalError ?? error;
    if (isDatabaseUnreachable(original)) {
      logger.warn({ err: original, path: formatted.path }, `a request failed: the database is not reachable (${(original as Error).message})`);
      return { message: DATABASE_UNREACHABLE_MESSAGE, path: formatted.path, extensions: { code: 'DATABASE_UNAVAILABLE' } };
    }
    if (CLIENT_CODES.has(code) || isArmorRejection(formatted) || refusedAsBadRequest(error)) return clientError(formatted);
    const errorId = randomUUID();
    logger.error({ err: original, errorId, path: formatted.path }, 'internal error while resolving a request');
    if (!production) return { ...withoutStack(formatted), extensions: { ...formatted.extensions, code: code || 'INTERNAL_SERVER_ERROR', errorId, stacktrace: undefined } };
    return { message: `Internal error (id ${errorId}); the operators can look it up in the logs`, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR', errorId } };
  };
}

function isArmorRejection(formatted: GraphQLFormattedError): boolean {
  return /^Syntax Error|^Query Cost limit|^Token limit|^Aliases limit|^Directives limit|^Query depth limit/i.test(formatted.message);
}

/**
 * Apollo answers some request errors with a 4xx but no code (a persisted query whose hash does not
 * match its text): the status says the client caused them.
 */
function refusedAsBadRequest(error: unknown): boolean {
  const status = (error as { extensions?: { http?: { status?: number } } })?.extensions?.http?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** Apollo's and graphql-js's wording where it does not say what to do; a code where none is set. */
const CLIENT_MESSAGES: Array<[RegExp, string]> = [
  [/^Syntax Error: Document contains more th(?:at|an) (\d+) tokens[\s\S]*$/, `Token limit of $1 exceeded: split the query into smaller ones`],
  [/^provided sha does not match query$/, `the persisted query's sha256Hash is not the SHA-256 of the query sent with it: hash the exact query text (hex, lower case)`],
];

function clientError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const clean = withoutStack(formatted);
  const rewrite = CLIENT_MESSAGES.find(([pattern]) => pattern.test(clean.message));
  const message = rewrite ? clean.message.replace(rewrite[0], rewrite[1]) : clean.message;
  // Apollo marks an error it raised without a code INTERNAL_SERVER_ERROR; here it is the client's.
  const code = CLIENT_CODES.has(String(clean.extensions?.code)) ? clean.extensions?.code : 'BAD_REQUEST';
  return { ...clean, message, extensions: { ...clean.extensions, code } };
}

function withoutStack(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('stacktrace' in formatted.extensions)) return formatted;
  const { stacktrace: _s, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}
