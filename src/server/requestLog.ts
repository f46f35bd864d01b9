import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import pino, { type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { PlainMiddleware } from './requestPath';

/** Polled by orchestrators and scrapers every few seconds: no log line for them. */
const UNLOGGED_URLS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Gives every request an id, sent back as X-Request-Id (a caller's own is kept so traces join up),
 * and `req.log`, a logger bound to the request that errors are logged through. At level info and
 * below each request also gets one log line (pino-http).
 *
 * Above info no request line is written, but pino-http would still serialise every request into a
 * logger of its own and watch every response end: about 6 % of the CPU of an answer from memory
 * (npm run bench:overhead). There `req.log` is made when something first logs through it (a
 * getter on the request), so a request that logs nothing costs no more than its id. The level is
 * read once, as the logger is configured once (LOG_LEVEL).
 */
export function requestLogging(logger: Logger): PlainMiddleware {
  if (logger.isLevelEnabled('info')) {
    return pinoHttp({ logger, genReqId: requestId, autoLogging: { ignore: (req) => UNLOGGED_URLS.has(req.url ?? '') } });
  }
  // The request serialised as pino-http serialises it, so an error's line reads the same at any level.
  const requests = logger.child({}, { serializers: { req: pino.stdSerializers.req } });
  const own = (req: http.IncomingMessage, log: Logger) => Object.defineProperty(req, 'log', { value: log, writable: true, configurable: true, enumerable: true });
  const lazyLog: PropertyDescriptor = {
    configurable: true,
    get(this: http.IncomingMessage) {
      const log = requests.child({ req: this });
      own(this, log);
      return log;
    },
    set(this: http.IncomingMessage, log: Logger) {
      own(this, log);
    },
  };
  return (req, res, next) => {
    req.id = requestId(req, res);
    Object.defineProperty(req, 'log', lazyLog);
    next();
  };
}

/** A caller's X-Request-Id when it is a plain token, else a new one; either way sent back. */
function requestId(req: http.IncomingMessage, res: http.ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}
