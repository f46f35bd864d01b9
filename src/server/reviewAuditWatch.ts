import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { ReviewAuditEntry } from '../review/contract';
import { inBackground } from '../db/backgroundStatement';

/** An audit line as the watch reports it: what happened, through which surface. */
export type AuditedAction = Pick<ReviewAuditEntry, 'action' | 'via'>;

export interface ReviewAuditWatchOptions {
  /**
   * The database public answers are read from (the read replica when there is one): a decision
   * counts as made for the server once its answers can show it.
   */
  knex: Knex;
  logger: Logger;
  /** Lines appended since the last look, oldest first; called only when there are some. */
  onLines(lines: AuditedAction[]): void;
  intervalMs?: number;
}

export interface ReviewAuditWatch {
  stop(): Promise<void>;
}

/** How often the server looks: a decision made by `hub review` is on every surface within seconds. */
export const REVIEW_AUDIT_POLL_MS = 2000;

/** At most this many lines a look: a backlog is read over a few looks rather than in one large one. */
const LINES_PER_LOOK = 1000;

/**
 * Follows the review audit log from the moment the server starts, so the server learns of
 * decisions made anywhere — by its own GraphQL API, by `hub review` in another process, by another
 * replica. Each look is one primary-key range read of the lines after the last one seen; a look
 * still running when the next is due makes that one wait its turn. A database that does not answer
 * is reported once, and the watch goes on looking.
 */
export function watchReviewAudit(options: ReviewAuditWatchOptions): ReviewAuditWatch {
  const { knex, logger, onLines, intervalMs = REVIEW_AUDIT_POLL_MS } = options;
  let lastId: number | undefined;
  let failing = false;
  let inFlight: Promise<void> | undefined;

  async function look(): Promise<void> {
    try {
      const lines = lastId === undefined ? await start() : await linesAfter(lastId);
      if (failing) logger.info('the review audit log answers again: decisions made elsewhere reach this server again');
      failing = false;
      if (lines.length) onLines(lines);
    } catch (error) {
      if (!failing) logger.warn({ err: error }, `cannot read the review audit log (${(error as Error).message}); decisions made by other processes reach this server once it answers again`);
      failing = true;
    }
  }

  /** The log's end when the server starts: what was decided before is already in every answer. */
  async function start(): Promise<AuditedAction[]> {
    const [{ id }] = await inBackground(knex('review_audit').max({ id: 'id' }));
    lastId = Number(id ?? 0);
    return [];
  }

  async function linesAfter(after: number): Promise<AuditedAction[]> {
    const rows: Array<AuditedAction & { id: number }> = await inBackground(
      knex('review_audit').where('id', '>', after).orderBy('id').limit(LINES_PER_LOOK).select('id', 'action', 'via'),
    );
    if (rows.length) lastId = Number(rows[rows.length - 1].id);
    return rows.map(({ action, via }) => ({ action, via }));
  }

  const timer = setInterval(() => {
    inFlight ??= look().finally(() => (inFlight = undefined));
  }, intervalMs);
  timer.unref();
  inFlight = look().finally(() => (inFlight = undefined));

  return {
    async stop() {
      clearInterval(timer);
      await inFlight;
    },
  };
}
