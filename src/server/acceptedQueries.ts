import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { DocumentNode, ExecutionResult, GraphQLSchema } from 'graphql';
import type http from 'node:http';
import { compiledExecution, type CompiledExecution } from './compiledExecution';

/**
 * A query Apollo has answered without an error, as its pipeline left it: the parsed document,
 * validated against the schema and every protection rule (graphql-armor's depth, aliases,
 * directives and cost, the token limit, introspection off in production), and the Cache-Control
 * the hub's policy gave a successful answer (static per operation: staticCachePolicy.ts).
 */
interface AcceptedQuery {
  /** The schema Apollo validated and ran the document against. */
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName: string | undefined;
  cacheControl: string | undefined;
  /** The document compiled for the direct path, on its first direct answer (compiledExecution.ts). */
  execution?: CompiledExecution;
}

/** An answer the direct path wrote, or `undefined` when Apollo must answer the request. */
export type DirectAnswer = { status: number; headers: Record<string, string>; body: string } | undefined;

export interface AcceptedQueries<TContext extends BaseContext> {
  /** Installed last among Apollo's plugins: it records what the others decided for a clean answer. */
  plugin: ApolloServerPlugin<TContext>;
  /**
   * Answers a POST whose query Apollo has accepted before, by running its document directly
   * (compiled once); `undefined` (nothing written, nothing executed that the caller sees) for anything
   * else, and for any answer with an error, which Apollo then answers as it always has.
   */
  answer(req: http.IncomingMessage, context: () => Promise<TContext>): Promise<DirectAnswer>;
}

export interface AcceptedQueriesOptions {
  /** Called as a direct answer starts; the function it returns, once the answer is written. Metrics time it. */
  timed?: () => () => void;
}

/** Bounds on what is kept: distinct queries, and their text in all (a query may be up to the body limit). */
const MOST_QUERIES = 1000;
const MOST_CHARACTERS = 4_000_000;

/** The content types a JSON answer is written in, by the `Accept` headers clients send; any other goes to Apollo's negotiation. */
const JSON_ANSWER = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_ANSWER = 'application/graphql-response+json; charset=utf-8';
const CONTENT_TYPE_BY_ACCEPT = new Map<string | undefined, string>([
  [undefined, JSON_ANSWER],
  ['*/*', JSON_ANSWER],
  ['application/json', JSON_ANSWER],
  ['application/graphql-response+json', GRAPHQL_RESPONSE_ANSWER],
]);

/** The body fields a GraphQL POST may carry that the direct path understands; `extensions` (persisted queries) is Apollo's. */
const REQUEST_FIELDS = new Set(['query', 'variables', 'operationName']);

/**
 * The portal's traffic is the same few queries with other variables. Apollo parses, validates and
 * plans each once and caches the document, but still runs its whole request pipeline every time
 * (plugin hooks, a SHA-256 of the query text, content negotiation, header maps): 10–30 % of the
 * hub's CPU for a portal page, measured side by side with and without this (`npm run bench:api`
 * workloads, the response cache off).
 *
 * So a query Apollo has answered cleanly is remembered, and the next request with the same text
 * runs the same document directly, compiled once (compiledExecution.ts): the same schema,
 * resolvers and context, so the same data, written as Apollo writes it (its JSON plus a newline, the same
 * Content-Type and Cache-Control). Only clean successes are answered this way. A request the direct
 * path does not recognise, or whose execution reports an error, is left to Apollo, which answers it
 * as it always has: queries are read-only, so running one again costs time, never a change.
 */
export function acceptedQueries<TContext extends BaseContext>(options: AcceptedQueriesOptions = {}): AcceptedQueries<TContext> {
  let accepted = new Map<string, AcceptedQuery>();
  let characters = 0;

  const remember = (key: string, query: AcceptedQuery) => {
    if (key.length > MOST_CHARACTERS) return;
    // Full: start afresh rather than track use. The portal's queries are a few dozen texts, so
    // they are back after one request each; a flood of distinct texts only keeps it turning over.
    if (accepted.size >= MOST_QUERIES || characters + key.length > MOST_CHARACTERS) {
      accepted = new Map();
      characters = 0;
    }
    accepted.set(key, query);
    characters += key.length;
  };

  const plugin: ApolloServerPlugin<TContext> = {
    async requestDidStart({ request }) {
      if (request.extensions !== undefined || typeof request.query !== 'string') return;
      const key = keyOf(request.query, request.operationName);
      return {
        async willSendResponse({ schema, operation, document, operationName, response }) {
          if (operation?.operation !== 'query' || !document || response.body.kind !== 'single' || response.body.singleResult.errors) return;
          if (response.http.status !== undefined && response.http.status !== 200) return;
          if (!accepted.has(key)) remember(key, { schema, document, operationName: operationName ?? undefined, cacheControl: response.http.headers.get('cache-control') });
        },
      };
    },
  };

  const answer = async (req: http.IncomingMessage, context: () => Promise<TContext>): Promise<DirectAnswer> => {
    const body = (req as { body?: unknown }).body;
    if (!isDirectRequest(body)) return undefined;
    const contentType = CONTENT_TYPE_BY_ACCEPT.get(req.headers.accept);
    if (!contentType) return undefined;
    const known = accepted.get(keyOf(body.query, body.operationName ?? undefined));
    if (!known) return undefined;
    const answered = options.timed?.();
    const result = await executed(known, body, context);
    if (!result || result.errors || result.extensions) return undefined;
    const headers: Record<string, string> = { 'content-type': contentType };
    if (known.cacheControl) headers['cache-control'] = known.cacheControl;
    answered?.();
    return { status: 200, headers, body: JSON.stringify({ data: result.data }) + '\n' };
  };

  return { plugin, answer };
}

/** The query run with a new context; undefined when making the context or running it threw, which Apollo then answers. */
async function executed<TContext extends BaseContext>(known: AcceptedQuery, body: DirectRequest, context: () => Promise<TContext>): Promise<ExecutionResult | undefined> {
  try {
    known.execution ??= compiledExecution(known.schema, known.document, known.operationName);
    return await known.execution.run(await context(), body.variables ?? undefined);
  } catch {
    return undefined;
  }
}

function keyOf(query: string, operationName: string | undefined): string {
  return operationName ? `${operationName}\u0000${query}` : query;
}

interface DirectRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

/** A JSON body with a query and nothing the direct path would have to check the way Apollo does. */
function isDirectRequest(body: unknown): body is DirectRequest {
  if (!isRecord(body) || typeof body.query !== 'string') return false;
  for (const key in body) if (!REQUEST_FIELDS.has(key)) return false;
  const { variables, operationName } = body;
  if (variables !== undefined && variables !== null && !isRecord(variables)) return false;
  return operationName === undefined || operationName === null || typeof operationName === 'string';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
