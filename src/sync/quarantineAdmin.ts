import { ContractViolationError } from '../domain/contract';
import type { Knex } from 'knex';
import type { ConnectorDefinition, MappingContext } from './stream';
import { selectStreams } from './selection';
import { validatorFor } from './validation';
import type { DisclosureRow } from './normalize';
import { mapRecord, mappingTarget } from './mapRecord';
import { refusedRecord, writeDisclosuresRefusingBadRows } from './store/refusedRows';
import { finishRun, startRun, addRunCounts } from './runs';
import { escapeUnstorable, findUnstorableText, restoreEscapes } from './unstorableText';
import type { ReviewOutcome } from '../review/contract';
import type { Reviewer } from '../review/reviewer';
import { settleReviewedRows } from '../review/store/settle';

export interface QuarantineQuery {
  stream?: string;
  status?: string;
  ids?: number[];
  limit?: number;
}

export interface QuarantineEntry {
  id: number;
  stream: string;
  sourceKey: string | null;
  stage: string;
  status: string;
  errors: Array<{ path: string; message: string }>;
  payload: unknown;
  seenCount: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

export async function listQuarantine(knex: Knex, q: QuarantineQuery = {}): Promise<QuarantineEntry[]> {
  const rows = await scoped(knex, { status: 'open', ...q }).orderBy('id').limit(q.limit ?? 100).select('*');
  return rows.map((r: any) => ({
    id: Number(r.id),
    stream: r.stream,
    sourceKey: r.source_key,
    stage: r.stage,
    status: r.status,
    errors: r.errors,
    payload: r.payload,
    seenCount: r.seen_count,
    firstSeenAt: r.first_seen_at,
    lastSeenAt: r.last_seen_at,
  }));
}

function scoped(knex: Knex, q: QuarantineQuery): Knex.QueryBuilder {
  const query = knex('quarantine');
  if (q.stream) query.where('stream', q.stream);
  if (q.status && q.status !== 'all') query.where('status', q.status);
  if (q.ids?.length) query.whereIn('id', q.ids);
  return query;
}

export interface ReplayResult {
  replayed: number;
  stillFailing: number;
}

/**
 * Re-validates open quarantine entries against the streams' current schemas and mappings (after a
 * fix) and imports what now passes, as a run of its own so the rows and revisions are traceable.
 * What passes goes through the review like any synced record: a record with findings is held, not
 * published (its entry is replayed all the same: the record is now in the review's hands).
 */
export async function replayQuarantined(
  knex: Knex,
  connectors: readonly ConnectorDefinition[],
  mapping: MappingContext,
  review: Reviewer,
  q: QuarantineQuery,
): Promise<ReplayResult> {
  const entries: any[] = await scoped(knex, { ...q, status: 'open' }).orderBy('id').select('*');
  const result: ReplayResult = { replayed: 0, stillFailing: 0 };
  const byStream = groupBy(entries, (e) => e.stream);
  for (const [name, group] of byStream) {
    const [selected] = selectStreams(connectors, [name]);
    const { connector, stream } = selected;
    const validate = validatorFor(stream.schema);
    const target = mappingTarget(connector, stream);
    const runId = await startRun(knex, name, 'replay', 10 * 60 * 1000);
    await knex.transaction(async (trx) => {
      const outcomes: ReviewOutcome<DisclosureRow>[] = [];
      // By key: the row written may be a redacted copy of the one reviewed.
      const entryOf = new Map<string, number>();
      for (const entry of group) {
        // The stored payload has a NUL written as its escape: the record the source sent had the NUL.
        const payload = restoreEscapes(entry.payload);
        const errors = [...findUnstorableText(payload), ...validate(payload)];
        let row: DisclosureRow;
        try {
          if (errors.length > 0) throw Object.assign(new Error('still invalid'), { errors });
          row = await mapRecord(target, payload, mapping);
        } catch (error) {
          if (error instanceof ContractViolationError) throw error;
          const reasons = (error as { errors?: unknown }).errors ?? [{ path: '', message: (error as Error).message }];
          await trx('quarantine')
            .where({ id: entry.id })
            .update({ errors: JSON.stringify(escapeUnstorable(reasons)), stage: errors.length ? 'validate' : 'map' });
          result.stillFailing++;
          continue;
        }
        outcomes.push(review(row));
        entryOf.set(row.source_key, Number(entry.id));
      }
      const settled = await settleReviewedRows(trx, { stream: name, runId, outcomes });
      const { counts, refused } = await writeDisclosuresRefusingBadRows(trx, settled.publish, runId);
      for (const r of refused) {
        const { errors, stage } = refusedRecord(name, r, undefined);
        await trx('quarantine').where({ id: entryOf.get(r.row.source_key) }).update({ errors: JSON.stringify(escapeUnstorable(errors)), stage });
        result.stillFailing++;
      }
      const refusedKeys = new Set(refused.map((r) => r.row.source_key));
      const fixedIds = outcomes.filter((o) => !refusedKeys.has(o.row.source_key)).map((o) => entryOf.get(o.row.source_key)!);
      if (fixedIds.length) await trx('quarantine').whereIn('id', fixedIds).update({ status: 'replayed', resolved_at: trx.fn.now() });
      await addRunCounts(trx, runId, {
        fetched: group.length,
        ...counts,
        unchanged: counts.unchanged + settled.withheld,
        held: settled.held,
        quarantined: group.length - fixedIds.length,
      });
      result.replayed += fixedIds.length;
    });
    await finishRun(knex, runId, 'ok');
  }
  return result;
}

/** Marks entries as discarded: a person decided they are not worth keeping. They stay for the record. */
export async function discardQuarantined(knex: Knex, q: QuarantineQuery): Promise<number> {
  if (!q.ids?.length && !q.stream) throw new Error('name the entries to discard: ids, or a stream for all its open entries');
  return scoped(knex, { ...q, status: 'open' }).update({ status: 'discarded', resolved_at: knex.fn.now() });
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
