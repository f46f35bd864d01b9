import type { Knex } from 'knex';
import { REVIEW_STATUSES, type ReviewItemRecord, type ReviewStatus } from '../contract';
import { itemRecord, ITEM_COLUMNS } from './itemRecord';

/** A list request the store cannot answer (a status it does not know, a cursor it did not give out). */
export class ReviewQueryError extends Error {
  override name = 'ReviewQueryError';
}

export interface ReviewQueueQuery {
  /** Default `held`: the queue of what waits for a decision. `all` includes decided and superseded items. */
  status?: ReviewStatus | 'all';
  /** Only this stream (connector/stream). */
  stream?: string;
  first: number;
  /** The endCursor of the previous page. */
  after?: string;
}

export interface ReviewQueuePage {
  items: ReviewItemRecord[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

/**
 * Review items oldest first (by the time they were held), a page at a time. The cursor is the last
 * item's (held_at, id), so the next page is a keyset query that items held meanwhile cannot shift.
 */
export async function listReviewItems(knex: Knex, q: ReviewQueueQuery): Promise<ReviewQueuePage> {
  const status = q.status ?? 'held';
  if (status !== 'all' && !REVIEW_STATUSES.includes(status)) {
    throw new ReviewQueryError(`"${status}" is not a review status; use one of ${[...REVIEW_STATUSES, 'all'].join(', ')}`);
  }
  if (!Number.isSafeInteger(q.first) || q.first < 1) throw new ReviewQueryError(`first must be a whole number of 1 or more, got ${q.first}`);
  const scoped = (query: Knex.QueryBuilder) => {
    if (status !== 'all') query.where('i.status', status);
    if (q.stream) query.where('i.stream', q.stream);
    return query;
  };
  const page = scoped(knex.select(knex.raw(ITEM_COLUMNS)).from('review_items as i'))
    .orderBy([{ column: 'i.held_at' }, { column: 'i.id' }])
    .limit(q.first + 1);
  if (q.after) {
    const [heldAt, id] = decodeCursor(q.after);
    page.whereRaw('(i.held_at, i.id) > (?::timestamptz, ?::bigint)', [heldAt, id]);
  }
  const rows = await page;
  const [{ n }] = await scoped(knex('review_items as i')).count({ n: '*' });
  const items = rows.slice(0, q.first).map(itemRecord);
  const last = items.at(-1);
  return { items, totalCount: Number(n), hasNextPage: rows.length > q.first, endCursor: last ? reviewItemCursor(last) : null };
}

/** One item, whatever its status; null when there is none with that id. */
export async function reviewItem(knex: Knex, id: number): Promise<ReviewItemRecord | null> {
  const [row] = await knex.select(knex.raw(ITEM_COLUMNS)).from('review_items as i').where('i.id', id);
  return row ? itemRecord(row) : null;
}

/**
 * An item's position in the queue, for `after`: what a Relay edge carries beside its item.
 * held_at has millisecond precision (migration 009), so an ISO instant names an item's time exactly.
 */
export function reviewItemCursor(item: ReviewItemRecord): string {
  return Buffer.from(JSON.stringify([item.heldAt.toISOString(), item.id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, number] {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parts = undefined;
  }
  if (
    !Array.isArray(parts) ||
    parts.length !== 2 ||
    typeof parts[0] !== 'string' ||
    !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(parts[0]) ||
    Number.isNaN(Date.parse(parts[0])) ||
    !Number.isSafeInteger(parts[1])
  ) {
    throw new ReviewQueryError('"after" is not a cursor this list gave out: pass the endCursor of the previous page');
  }
  return [parts[0], parts[1]];
}
