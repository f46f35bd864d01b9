import { ContractViolationError } from '../domain/contract';
import type { Knex } from 'knex';
import type { ConnectorDefinition, MappingContext, StreamDefinition } from './stream';
import { createHttpClient, FetchError, type HttpClient, type HttpRetry } from './http/httpClient';
import { validatorFor } from './validation';
import type { DisclosureRow } from './normalize';
import { mapRecord, mappingTarget, type MappingTarget } from './mapRecord';
import { refusedRecord, writeDisclosuresRefusingBadRows } from './store/refusedRows';
import { quarantineRecords, supersedeQuarantined, type RejectedRecord } from './store/quarantine';
import { commitCursor, readCursor } from './store/syncState';
import { addRunCounts, reapDeadRuns, startRun, zeroCounts, type RunCounts, type RunTrigger } from './runs';
import { extendLease, leaseHolder, releaseLease, tryAcquireLease } from './leases';
import { settleDeferredRuns, settleRun } from './runSettlement';
import { isConnectionLost, serverMessage } from '../db/connectionErrors';
import { transactionFailingWithOwnError } from '../db/transaction';
import { maxCursor, withLookBack } from './cursor';
import { markMissingAsRemoved } from './store/snapshot';
import { UnparsableRecord } from './sources/fileSource';
import { localFilePages } from './sources/localFile';
import { escapeUnstorable, findUnstorableText } from './unstorableText';
import { quarantineKey } from './quarantineKey';
import { cancelOnAbort } from './statementCancel';
import { prefetching } from './prefetch';
import type { ReviewOutcome } from '../review/contract';
import type { Reviewer } from '../review/reviewer';
import { settleReviewedRows } from '../review/store/settle';

export interface SyncStreamOptions {
  knex: Knex;
  connector: ConnectorDefinition;
  stream: StreamDefinition;
  baseUrl: string;
  mapping: MappingContext;
  /** The secrecy and privacy review (保密审查) every mapped record passes before it is published. */
  review: Reviewer;
  trigger?: RunTrigger;
  /** Ignore the committed cursor and read everything. */
  full?: boolean;
  /** Read from this position (a backfill); the committed cursor never moves backwards for it. */
  since?: string;
  /** Read this local file instead of the endpoint. */
  file?: string;
  http?: HttpClient;
  timeLimitMs?: number;
  signal?: AbortSignal;
  onProgress?: (progress: { fetched: number; total?: number }) => void;
  /** Each HTTP retry of the stream's reads (with the default client), for logs and metrics. */
  onHttpRetry?: (retry: StreamHttpRetry) => void;
}

/** An HTTP retry and the stream whose read it repeats (`connector/stream`). */
export interface StreamHttpRetry extends HttpRetry {
  stream: string;
}

export interface StreamSummary extends RunCounts {
  connector: string;
  stream: string;
  status: 'ok' | 'partial' | 'failed';
  durationMs: number;
  runId?: number;
  error?: string;
}

export class StreamBusyError extends Error {
  override name = 'StreamBusyError';
}

const HEARTBEAT_MS = 5000;
const LEASE_TTL_MS = 60000;
const DEFAULT_TIME_LIMIT_MS = 30 * 60 * 1000;

/**
 * Runs one stream once: read pages from its source, validate, map and review each record, and write
 * each page in one transaction with the quarantine, the review's held items, the run's counts and
 * the new cursor. A crash between pages loses nothing: the next run starts from the last committed
 * cursor, and the upsert absorbs records read twice (at-least-once delivery + idempotent writes =
 * effectively once); a held record read twice finds its item by its content.
 */
export async function syncStream(options: SyncStreamOptions): Promise<StreamSummary> {
  const { knex, connector, stream } = options;
  const name = `${connector.name}/${stream.name}`;
  const started = Date.now();
  const timeLimitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;

  await settleDeferredRuns(knex);
  await reapDeadRuns(knex, LEASE_TTL_MS);
  const leaseKey = `stream:${name}`;
  if (!(await tryAcquireLease(knex, leaseKey, LEASE_TTL_MS))) {
    const holder = await leaseHolder(knex, leaseKey);
    throw new StreamBusyError(`${name} is already being synced by ${holder?.holder ?? 'another process'}; wait for that run to finish`);
  }

  const { committed, since, runId } = await startRunHoldingLease(options, name, leaseKey, timeLimitMs);
  const counts = zeroCounts();
  const limit = AbortSignal.timeout(timeLimitMs);
  const signal = options.signal ? AbortSignal.any([options.signal, limit]) : limit;
  const heartbeat = setInterval(() => {
    extendLease(knex, leaseKey, LEASE_TTL_MS).catch(() => undefined);
    knex('sync_runs').where({ id: runId }).update({ heartbeat_at: knex.fn.now() }).catch(() => undefined);
  }, HEARTBEAT_MS);
  heartbeat.unref();

  let error: string | undefined;
  try {
    const reader = new PageProcessor(mappingTarget(connector, stream), options.mapping, options.review);
    let cursor = committed;
    // A file given on the command line replaces the stream's endpoint; everything else is the same.
    const pages = options.file
      ? localFilePages(options.file)
      : stream.source.pages({ baseUrl: options.baseUrl, since, http: options.http ?? httpClientFor(name, options.onHttpRetry), signal });
    for await (const page of prefetching(pages)) {
      signal.throwIfAborted();
      const result = await reader.process(page.records);
      cursor = maxCursor(cursor, result.cursor);
      await transactionFailingWithOwnError(knex, (trx) =>
        cancelOnAbort(knex, trx, signal, async () => {
          // The cursor commits with the rows, so a commit lost in a server crash loses both together
          // and the next run re-reads them: durability of each page's commit is not needed, and
          // waiting for the WAL flush on every page would cost more than anything else here.
          await trx.raw('SET LOCAL synchronous_commit = off');
          // Review first: what is held is not written, and a decision made on the same content stands.
          const settled = await settleReviewedRows(trx, { stream: name, runId, outcomes: result.outcomes });
          const { counts: written, refused } = await writeDisclosuresRefusingBadRows(trx, settled.publish, runId);
          const refusedKeys = new Set(refused.map((r) => r.row.source_key));
          // A held row is a good version of its record too: it settles the record's quarantine entries.
          const valid = result.outcomes.map((o) => o.row.source_key).filter((key) => !refusedKeys.has(key));
          const rejected = [...result.rejected, ...refused.map((r) => refusedRecord(name, r, result.recordOf(r.row.source_key)))];
          await supersedeQuarantined(trx, name, valid);
          await quarantineRecords(trx, rejected, runId);
          const batch = { fetched: page.records.length, quarantined: rejected.length, ...written, unchanged: written.unchanged + settled.withheld, held: settled.held };
          await addRunCounts(trx, runId, batch, cursor);
          if (cursor !== undefined) await commitCursor(trx, name, cursor, runId);
          accumulate(counts, batch);
        }),
      );
      options.onProgress?.({ fetched: counts.fetched, total: page.total });
    }
    // Only a complete read of the endpoint says what left the list; a file may be a partial dump.
    if (stream.mode === 'snapshot' && !options.file && !options.since) {
      counts.removed = await markMissingAsRemoved(knex, stream, name, runId);
    }
  } catch (caught) {
    error = describeFailure(caught, limit, timeLimitMs, options.signal);
  } finally {
    clearInterval(heartbeat);
  }

  const status = error ? 'failed' : counts.quarantined > 0 ? 'partial' : 'ok';
  const unsettled = await settleRun(knex, { runId, leaseKey, status, error });
  const problems = [error, unsettled].filter(Boolean).join('; ') || undefined;
  return { connector: connector.name, stream: stream.name, status, ...counts, durationMs: Date.now() - started, runId, error: problems };
}

/** Starts the run the lease was taken for; if that fails (the database went away), the lease goes too. */
async function startRunHoldingLease(options: SyncStreamOptions, name: string, leaseKey: string, timeLimitMs: number) {
  const { knex } = options;
  try {
    const committed = await readCursor(knex, name);
    const since = startPosition(options, committed);
    const runId = await startRun(knex, name, options.trigger ?? 'manual', timeLimitMs, since);
    return { committed, since, runId };
  } catch (error) {
    await releaseLease(knex, leaseKey).catch(() => undefined);
    throw error;
  }
}

/** The stream's own client, so that each retry it reports names the stream. */
function httpClientFor(stream: string, onHttpRetry: SyncStreamOptions['onHttpRetry']): HttpClient {
  return createHttpClient({ onRetry: onHttpRetry && ((retry) => onHttpRetry({ ...retry, stream })) });
}

function startPosition(options: SyncStreamOptions, committed: string | undefined): string | undefined {
  if (options.since) return options.since;
  // A snapshot source must be read whole to know what left it.
  if (options.full || options.stream.mode === 'snapshot' || !options.stream.cursor || !committed) return undefined;
  return withLookBack(committed, options.stream.lookBackMs ?? 0);
}

function accumulate(total: RunCounts, batch: Partial<RunCounts>): void {
  for (const [field, n] of Object.entries(batch)) total[field as keyof RunCounts] += n ?? 0;
}

function describeFailure(error: unknown, limit: AbortSignal, timeLimitMs: number, external?: AbortSignal): string {
  if (limit.aborted) return `the run passed its time limit of ${Math.round(timeLimitMs / 1000)} s`;
  if (external?.aborted) return `the run was stopped: ${String(external.reason?.message ?? external.reason ?? 'aborted')}`;
  // The reason is stored with the run: a parser's message may quote a NUL from a binary file.
  return escapeUnstorable(describeError(error));
}

/** What failed, in words a user can act on; also for a stream that could not start (runSync.ts). */
export function describeError(error: unknown): string {
  const message = serverMessage(error);
  // A feed that cannot be reached fails with the same network codes; it says so itself.
  if (error instanceof FetchError || !isConnectionLost(error)) return message;
  return `the database connection failed: ${message}; once the database is reachable, sync again: it resumes after the last committed page`;
}

/**
 * Validation, mapping and review of one page: pure work, no I/O, so it is easy to reason about and
 * fast. A manifest's mapping may answer with a promise (JSONata evaluates asynchronously); a coded
 * mapping's value is used as it is, without a turn of the event loop per record.
 */
class PageProcessor {
  private readonly validate: (record: unknown) => ReturnType<ReturnType<typeof validatorFor>>;
  private readonly stream: StreamDefinition;
  private readonly name: string;

  constructor(
    private readonly target: MappingTarget,
    private readonly mapping: MappingContext,
    private readonly review: Reviewer,
  ) {
    this.stream = target.stream;
    this.name = target.name;
    this.validate = validatorFor(target.stream.schema);
  }

  async process(records: unknown[]): Promise<{ outcomes: ReviewOutcome<DisclosureRow>[]; rejected: RejectedRecord[]; cursor?: string; recordOf: (sourceKey: string) => unknown }> {
    const outcomes: ReviewOutcome<DisclosureRow>[] = [];
    // The source record of each row, for a row the database refuses (quarantined with its payload).
    // By key, since the row written may be a redacted copy; a page's last record of a key is the one written.
    const sources = new Map<string, unknown>();
    const rejected: RejectedRecord[] = [];
    let cursor: string | undefined;
    for (const record of records) {
      if (record instanceof UnparsableRecord) {
        rejected.push({ stream: this.name, sourceKey: null, payload: { raw: record.raw }, stage: 'parse', errors: [{ path: '', message: record.reason }] });
        continue;
      }
      // A record PostgreSQL cannot store would fail its whole page: it is rejected here instead.
      const errors = [...findUnstorableText(record), ...this.validate(record)];
      const sourceKey = quarantineKey(this.stream, record);
      if (errors.length > 0) {
        rejected.push({ stream: this.name, sourceKey, payload: record, stage: 'validate', errors });
        continue;
      }
      // A valid record moves the cursor even if mapping fails: it sits in quarantine, not lost.
      cursor = maxCursor(cursor, this.stream.cursor?.(record));
      let row: DisclosureRow;
      try {
        const mapped = mapRecord(this.target, record, this.mapping);
        row = mapped instanceof Promise ? await mapped : mapped;
      } catch (error) {
        if (error instanceof ContractViolationError) throw error;
        rejected.push({ stream: this.name, sourceKey, payload: record, stage: 'map', errors: [{ path: '', message: (error as Error).message }] });
        continue;
      }
      // Outside the mapping's try: the review is the hub's own code, and a fault in it must fail the
      // run, not quarantine every record as if the records were wrong.
      outcomes.push(this.review(row));
      sources.set(row.source_key, record);
    }
    return { outcomes, rejected, cursor, recordOf: (sourceKey) => sources.get(sourceKey) };
  }
}
