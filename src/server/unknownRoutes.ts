import type express from 'express';

/**
 * Requests no route answers get JSON like every other API error, not Express's HTML page: a
 * client or script reading the body learns what was wrong and where the API is.
 */
export const notFound: express.RequestHandler = (req, res) => {
  res.status(404).json({
    error: `nothing is served at ${req.path}: the API is POST or GET /graphql; the portal is /, the operations view /ops; see also /ocds/releases.json, /ocds/records.json, /healthz, /readyz, /metrics`,
    path: req.path,
  });
};

/** A known route asked with a method it does not answer: 405 with the methods it does (Allow). */
export function methodNotAllowed(allowed: string[]): express.RequestHandler {
  return (req, res) => {
    res
      .status(405)
      .set('allow', allowed.join(', '))
      .json({ error: `${req.method} is not answered at ${req.path}; use ${allowed.join(' or ')}`, path: req.path });
  };
}
