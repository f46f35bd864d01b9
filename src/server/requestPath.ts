import type http from 'node:http';

/** A middleware as both Express and the hub's own GraphQL endpoint (graphqlPost) run it. */
export type PlainMiddleware = (req: http.IncomingMessage, res: http.ServerResponse, next: (error?: unknown) => void) => void;

/**
 * A request's URL split at its `?`. Express rewrites `req.url` inside a mounted router (`/graphql`
 * becomes `/`) and keeps the whole one as `originalUrl`, which is read first.
 */
function urlParts(req: http.IncomingMessage & { originalUrl?: string }): { path: string; search: string } {
  const url = req.originalUrl ?? req.url ?? '/';
  const query = url.indexOf('?');
  return query < 0 ? { path: url, search: '' } : { path: url.slice(0, query), search: url.slice(query) };
}

/** A request's path without its query string, as Express's `req.path` reads it. */
export const pathOf = (req: http.IncomingMessage): string => urlParts(req).path;

/** The query string of a request's URL with its `?`, or '' (what Apollo calls a request's `search`). */
export const searchOf = (req: http.IncomingMessage): string => urlParts(req).search;
