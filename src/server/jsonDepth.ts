import { searchOf, type PlainMiddleware } from './requestPath';

/**
 * GraphQL variables are JSON of any shape, and parts of the request pipeline walk them recursively:
 * variables nested a hundred thousand levels deep overflowed the stack (a 500 that did not even
 * reach the log). The hub's inputs nest a few levels, so the depth is bounded on the raw text,
 * before anything parses or walks it, by a scan that does not recurse itself.
 */
export const MAX_JSON_DEPTH = 32;

/** The request's own fault, answered 400 by the JSON error handler (app.ts reads `status`). */
export class JsonTooDeepError extends Error {
  override name = 'JsonTooDeepError';
  readonly status = 400;
  readonly type = 'json.too.deep';
}

/** How deeply arrays and objects nest in JSON text, brackets inside strings not counted. */
export function jsonDepth(text: Uint8Array | string): number {
  // Bytes read straight from the array, not through a callback per byte: this scans every request
  // body. A query string's parameter is short; as UTF-8 it nests exactly as its characters do.
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACKET || c === OPEN_BRACE) deepest = Math.max(deepest, ++depth);
    else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) depth--;
  }
  return deepest;
}

// UTF-8 continuation bytes are all above 0x7F, so these never occur inside a multi-byte character.
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

function refuseIfTooDeep(text: Uint8Array | string, what: string): void {
  const depth = jsonDepth(text);
  if (depth > MAX_JSON_DEPTH) {
    throw new JsonTooDeepError(`${what} nests JSON ${depth} levels deep; at most ${MAX_JSON_DEPTH} are accepted (the API's inputs need a few)`);
  }
}

/** For express.json's `verify`: runs on the raw body before it is parsed. */
export function verifyJsonDepth(_req: unknown, _res: unknown, body: Buffer): void {
  refuseIfTooDeep(body, 'the request body');
}

/** A GET request carries its variables and extensions as JSON in the query string. */
export const queryStringJsonDepth: PlainMiddleware = (req, _res, next) => {
  const search = searchOf(req);
  if (search) {
    const parameters = new URLSearchParams(search);
    for (const name of ['variables', 'extensions']) {
      for (const value of parameters.getAll(name)) refuseIfTooDeep(value, `the "${name}" parameter`);
    }
  }
  next();
};
