import type http from 'node:http';

/**
 * A request's path without its query string. Express rewrites `req.url` inside a mounted router
 * (`/graphql` becomes `/`) and keeps the whole one as `originalUrl`, which is read first.
 */
export function pathOf(req: http.IncomingMessage & { originalUrl?: string }): string {
  const url = req.originalUrl ?? req.url ?? '/';
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}

/** The query string of a request's URL with its `?`, or '' (what Apollo calls a request's `search`). */
export function searchOf(req: http.IncomingMessage): string {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  return query < 0 ? '' : url.slice(query);
}
