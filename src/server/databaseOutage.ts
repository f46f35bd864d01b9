import type { ApolloServerPlugin } from '@apollo/server';
import { isConnectionLost } from '../db/connectionErrors';

/**
 * A request that fails because the database does not answer is neither the client's mistake nor a
 * bug: it is answered 503 with Retry-After, in words a client can act on, never with the driver's
 * text (which names hosts and ports). The hub recovers by itself once the database is back.
 */

export const DATABASE_UNREACHABLE_MESSAGE = 'the database is not reachable; try again shortly';

/** How long clients are asked to wait: about one readiness check of an orchestrator. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Whether an error, or an error it wraps, says the database cannot be reached right now. The signs
 * themselves are the engine's (isConnectionLost); this only looks inside the wrappers a request
 * adds: GraphQL's originalError, a cause, an AggregateError's list, and graphql-js's thrownValue
 * for an error of another realm (a test's VM), which is also why each is re-made as an Error here.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  const pending: Array<{ error: unknown; depth: number }> = [{ error, depth: 0 }];
  while (pending.length) {
    const { error: current, depth } = pending.pop()!;
    if (!current || typeof current !== 'object' || depth > 4) continue;
    const e = current as { code?: unknown; message?: unknown; cause?: unknown; originalError?: unknown; thrownValue?: unknown; errors?: unknown };
    if (isConnectionLost(Object.assign(new Error(String(e.message ?? '')), { code: e.code }))) return true;
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
