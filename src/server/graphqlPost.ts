import type http from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { pathOf, searchOf, type PlainMiddleware } from './requestPath';
import type { AcceptedQueries } from './acceptedQueries';

/** What answering a GraphQL POST takes: the steps before Apollo, Apollo, and how a failed step answers. */
export interface GraphqlPostOptions<TContext extends BaseContext> {
  /** Run in order before Apollo, as Express would run them: metrics, request id and log, CORS, body. */
  before: readonly PlainMiddleware[];
  apollo: ApolloServer<TContext>;
  /** Queries Apollo has answered cleanly, run again without its pipeline; unset, Apollo answers every request. */
  accepted?: AcceptedQueries<TContext>;
  context: (req: http.IncomingMessage) => Promise<TContext>;
  /** Answers an error a step raised (a body over the limit, JSON too deep, a database that is down). */
  answerError: (error: unknown, req: http.IncomingMessage, res: http.ServerResponse) => void;
}

/** `/graphql` and below, as Express's `app.use('/graphql', …)` matches it. */
export function isGraphqlPost(req: http.IncomingMessage): boolean {
  if (req.method !== 'POST') return false;
  const path = pathOf(req);
  return path === '/graphql' || path.startsWith('/graphql/');
}

/**
 * Answers `POST /graphql`, the portal's every query, without Express: the same middleware in the
 * same order, then the direct path for a query Apollo has accepted before (acceptedQueries.ts) or
 * else Apollo, then the answer written as it is. Every other request (GET queries,
 * CORS preflights, the portal's files, OCDS, health) still goes through the Express app.
 *
 * Why: Express's router, its request and response prototypes and `res.send` (an ETag hashed over
 * every answer, which a POST cannot use) cost about as much CPU per request as Apollo's whole
 * request pipeline (`npm run bench:overhead`, and a bare Apollo server with and without Express),
 * on a request whose real work is one SQL statement.
 */
export function graphqlPost<TContext extends BaseContext>(options: GraphqlPostOptions<TContext>): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  const { before, answerError } = options;
  return (req, res) => {
    const fail = (error: unknown) => answerError(error, req, res);
    const step = (i: number) => (error?: unknown) => {
      if (error) return fail(error);
      if (i === before.length) return void answer(options, req, res).catch(fail);
      try {
        before[i](req, res, step(i + 1));
      } catch (thrown) {
        fail(thrown);
      }
    };
    step(0)();
  };
}

/** The direct answer of an accepted query, or Apollo's, as its Express integration writes it, less the ETag. */
async function answer<TContext extends BaseContext>(options: GraphqlPostOptions<TContext>, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const direct = await options.accepted?.answer(req, () => options.context(req));
  if (direct) {
    res.writeHead(direct.status, { ...direct.headers, 'content-length': Buffer.byteLength(direct.body) });
    res.end(direct.body);
    return;
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const response = await options.apollo.executeHTTPGraphQLRequest({
    // A body that is not JSON leaves req.body unset: Apollo answers that with a 400 that says so.
    httpGraphQLRequest: { method: 'POST', headers, search: searchOf(req), body: (req as { body?: unknown }).body },
    context: () => options.context(req),
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.setHeader('content-length', Buffer.byteLength(response.body.string));
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
