import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLFormattedError } from 'graphql';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';

/**
 * Limits that keep one request from knocking the server over: depth, aliases, directives, tokens
 * and an estimated cost, checked before execution (graphql-armor). Page sizes are capped where lists
 * are resolved (shared/pageSize.ts); the body size in the HTTP layer.
 */
export function queryLimits(options: { production: boolean }) {
  return new ApolloArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 20 },
    maxDirectives: { n: 20 },
    maxTokens: { n: 3000 },
    costLimit: { maxCost: 20000, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5 },
    // Field suggestions help developers and map the schema for attackers: only outside production.
    blockFieldSuggestion: { enabled: options.production },
  }).protect();
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
 * log gets the details under the same id; errors the client caused keep their messages.
 */
export function errorFormatter(logger: Logger, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? '');
    if (CLIENT_CODES.has(code) || isArmorRejection(formatted)) return withoutStack(formatted);
    const errorId = randomUUID();
    logger.error({ err: (error as { originalError?: unknown })?.originalError ?? error, errorId, path: formatted.path }, 'internal error while resolving a request');
    if (!production) return { ...withoutStack(formatted), extensions: { ...formatted.extensions, code: code || 'INTERNAL_SERVER_ERROR', errorId, stacktrace: undefined } };
    return { message: `Internal error (id ${errorId}); the operators can look it up in the logs`, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR', errorId } };
  };
}

function isArmorRejection(formatted: GraphQLFormattedError): boolean {
  return /^Syntax Error|^Query Cost limit|^Token limit|^Aliases limit|^Directives limit|^Query depth limit/i.test(formatted.message);
}

function withoutStack(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('stacktrace' in formatted.extensions)) return formatted;
  const { stacktrace: _s, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}
