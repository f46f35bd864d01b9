import type { ApolloServerPlugin } from '@apollo/server';

/**
 * A request that fails because the database does not answer is neither the client's mistake nor a
 * bug: it is answered 503 with Retry-After, in words a client can act on, never with the driver's
 * text (which names hosts and ports). The hub recovers by itself once the database is back.
 */

export const DATABASE_UNREACHABLE_MESSAGE = 'the database is not reachable; try again shortly';

/** How long clients are asked to wait: about one readiness check of an orchestrator. */
export const RETRY_AFTER_SECONDS = 5;

/** Socket errors of a connection that cannot be made or was lost. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ECONNABORTED']);

/**
 * PostgreSQL's SQLSTATEs for the same: class 08 (connection exception), the server shutting down
 * or terminating the session (57P01–57P03), and no connection slot left (53300).
 */
const SERVER_CODES = /^(08...|57P0[123]|53300)$/;

/** node-postgres's own words for a connection that ended or never opened (it sets no code). */
const DRIVER_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|connection error and is not queryable/i;

/** Names of errors that mean the same: knex found no connection in time; the hub could not open one. */
const UNREACHABLE_NAMES = new Set(['KnexTimeoutError', 'DatabaseUnavailableError']);

/** Whether an error (or an error it wraps) says the database cannot be reached right now. */
export function isDatabaseUnreachable(error: unknown): boolean {
  // Errors wrap errors (cause, originalError, an AggregateError's list); a few levels is plenty.
  const pending: Array<{ error: unknown; depth: number }> = [{ error, depth: 0 }];
  while (pending.length) {
    const { error: current, depth } = pending.pop()!;
    if (!current || typeof current !== 'object' || depth > 4) continue;
    const e = current as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown; originalError?: unknown; thrownValue?: unknown; errors?: unknown };
    const code = typeof e.code === 'string' ? e.code : '';
    if (NETWORK_CODES.has(code) || SERVER_CODES.test(code)) return true;
    if (typeof e.name === 'string' && UNREACHABLE_NAMES.has(e.name)) return true;
    if (typeof e.message === 'string' && DRIVER_MESSAGES.test(e.message)) return true;
    // graphql-js wraps a value that is not an Error of its own realm (a test's VM) as thrownValue.
    for (const inner of [e.cause, e.originalError, e.thrownValue, ...(Array.isArray(e.errors) ? e.errors : [])]) pending.push({ error: inner, depth: depth + 1 });
  }
  return false;
}

/**
 * GraphQL requests that failed because the database did not answer get HTTP 503 and Retry-After
 * (the errors themselves are worded by protection.ts). Such responses carry errors, so neither
 * Cache-Control nor the response cache keeps them.
 */
export function databaseOutagePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      let unreachable = false;
      return {
        async didEncounterErrors({ errors }) {
          unreachable ||= errors.some((error) => isDatabaseUnreachable(error));
        },
        async willSendResponse({ response }) {
          if (!unreachable) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
