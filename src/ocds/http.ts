import type { Knex } from 'knex';
import type { Request, RequestHandler, Response } from 'express';
import { parseChinaTime } from '../domain/chinaTime';
import { parseRecordCursor, parseReleaseCursor, recordCursor, releaseCursor } from './cursor';
import { noticesInStoreOrder, processCodesPage, storeOrderPageEnd } from './noticeRows';
import { OutputClosedError, sinkOf } from './packageWriter';
import { inBatches, writeRecordPackage, writeReleasePackage, type PackageTarget } from './publish';
import type { OcdsSettings } from './settings';

export type { OcdsSettings } from './settings';

/**
 * GET /ocds/releases.json and GET /ocds/records.json: the packages a page at a time, for partners
 * who fetch incrementally.
 * - `since` (a date or date-time, China time unless it has an offset): only notices the hub stored
 *   or changed at or after it; for records, the processes with such a notice, each complete.
 * - `limit`: releases (default 500, at most 5000) or records (default 100, at most 1000) per page.
 * - `after`: the cursor of the previous page. The next page's URL is in the `Link: <…>; rel="next"`
 *   header; no such header means this was the last page. An empty page has an empty list.
 * Releases come in the order the hub stored them (noticeRows.ts), records in project-code order.
 * Paging parameters of other APIs (`page`, `offset`, `per_page`…) are refused with the one to use:
 * ignored, `?page=2` would serve the first page again and look like an answer.
 * Errors before the first byte (a bad parameter: 400) go to the hub's JSON error handler.
 */

const RELEASE_LIMITS = { default: 500, max: 5000 };
const AFTER_INSTEAD = 'follow the Link rel="next" URL of each page, which carries "after" (the cursor of the next page)';
const LIMIT_INSTEAD = 'set the page size with "limit"';
const RECORD_LIMITS = { default: 100, max: 1000 };
/** Packages change when a sync stores notices; partners and proxies may keep a page this long. */
const CACHE_CONTROL = 'public, max-age=300';

export function ocdsReleasesHandler(knex: Knex, settings: OcdsSettings): RequestHandler {
  return async (req, res) => {
    const page = pageRequest(req, RELEASE_LIMITS);
    const after = page.after === undefined ? undefined : parseReleaseCursor(page.after);
    // The page's last notice is fixed first, so the next link is known before the body is written.
    const end = await storeOrderPageEnd(knex, { since: page.since, after, limit: page.limit });
    const target = startPackage(req, res, settings, end.more && end.last ? releaseCursor(end.last) : undefined);
    const batches = end.last ? noticesInStoreOrder(knex, { since: page.since, after, upTo: end.last }) : nothing();
    await stream(req, res, () => writeReleasePackage(target, batches));
  };
}

export function ocdsRecordsHandler(knex: Knex, settings: OcdsSettings): RequestHandler {
  return async (req, res) => {
    const page = pageRequest(req, RECORD_LIMITS);
    const after = page.after === undefined ? undefined : parseRecordCursor(page.after);
    const { codes, more } = await processCodesPage(knex, { since: page.since, after, limit: page.limit });
    const target = startPackage(req, res, settings, more ? recordCursor(codes[codes.length - 1]) : undefined);
    await stream(req, res, () => writeRecordPackage(knex, target, inBatches(codes)));
  };
}

interface PageRequest {
  since?: Date;
  after?: string;
  limit: number;
}

/** A 400 for the hub's JSON error handler (app.ts reads `status`). */
class BadRequestError extends Error {
  override name = 'BadRequestError';
  readonly status = 400;
}

/** Paging parameters other APIs use, and what says the same here. */
const FOREIGN_PAGING: Record<string, string> = {
  page: AFTER_INSTEAD,
  offset: AFTER_INSTEAD,
  start: AFTER_INSTEAD,
  cursor: AFTER_INSTEAD,
  per_page: LIMIT_INSTEAD,
  page_size: LIMIT_INSTEAD,
  pageSize: LIMIT_INSTEAD,
  size: LIMIT_INSTEAD,
};

function refuseForeignPaging(req: Request): void {
  for (const name of Object.keys(req.query)) {
    const instead = Object.hasOwn(FOREIGN_PAGING, name) ? FOREIGN_PAGING[name] : undefined;
    if (instead) throw new BadRequestError(`"${name}" is not a parameter of this endpoint: ${instead}`);
  }
}

function pageRequest(req: Request, limits: { default: number; max: number }): PageRequest {
  refuseForeignPaging(req);
  const since = param(req, 'since');
  const limit = param(req, 'limit');
  const after = param(req, 'after');
  const page: PageRequest = { limit: limits.default, after };
  if (since !== undefined) {
    page.since = parseChinaTime(since);
    if (!page.since) throw new BadRequestError(`"since" must be a date or date-time such as 2026-11-01 or 2026-11-01T08:00:00+08:00, got "${since}"`);
  }
  if (limit !== undefined) {
    page.limit = Number(limit);
    if (!/^\d+$/.test(limit) || page.limit < 1 || page.limit > limits.max) {
      throw new BadRequestError(`"limit" must be a whole number from 1 to ${limits.max}, got "${limit}"`);
    }
  }
  return page;
}

function param(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new BadRequestError(`"${name}" must be given once, as a plain value`);
  return value;
}

/** The package's URI is the page's own URL, as partners reach it (HUB_PUBLIC_URL behind a proxy). */
function startPackage(req: Request, res: Response, settings: OcdsSettings, nextCursor: string | undefined): PackageTarget {
  const base = (settings.publicUrl ?? `${req.protocol}://${req.get('host')}`).replace(/\/+$/, '');
  const uri = new URL(`${base}${req.originalUrl}`).href;
  res.status(200).type('application/json; charset=utf-8').set('Cache-Control', CACHE_CONTROL);
  if (nextCursor) {
    const next = new URL(uri);
    next.searchParams.set('after', nextCursor);
    res.set('Link', `<${next.href}>; rel="next"`);
  }
  return { sink: sinkOf(res), settings, uri };
}

/**
 * Writes the package. A failure after the first byte cannot become an error response any more: the
 * connection is cut, so the client sees a broken transfer rather than a package that looks whole.
 */
async function stream(req: Request, res: Response, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
    res.end();
  } catch (error) {
    if (error instanceof OutputClosedError) return; // the client went away
    if (!res.headersSent) throw error;
    req.log?.error({ err: error }, `OCDS export of ${req.path} failed mid-response: ${(error as Error).message}`);
    res.destroy(error as Error);
  }
}

async function* nothing(): AsyncGenerator<never> {}
