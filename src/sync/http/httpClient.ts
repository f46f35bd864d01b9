import { setTimeout as sleep } from 'node:timers/promises';
import { Readable } from 'node:stream';

export interface HttpClientOptions {
  /** Per-request time limit. */
  timeoutMs?: number;
  /** Attempts per request, the first included. */
  attempts?: number;
  /** First back-off delay; each retry doubles it, with full jitter. */
  backoffMs?: number;
  /** Upper bound for one back-off delay, and for an honoured Retry-After. */
  maxBackoffMs?: number;
  /** Called before each retry, so callers can log or count them (the client knows no logger). */
  onRetry?: (retry: HttpRetry) => void;
}

/** One retry about to happen: which request, which attempt failed and why, how long until the next. */
export interface HttpRetry {
  url: string;
  /** The attempt that failed, from 1. */
  attempt: number;
  /** The back-off before the next attempt, as waited: capped at maxBackoffMs. */
  delayMs: number;
  reason: string;
}

/** A request that failed for good: after its retries, or at once when retrying cannot help. */
export class FetchError extends Error {
  override name = 'FetchError';
  constructor(
    message: string,
    readonly url: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface HttpClient {
  getJson(url: string, signal?: AbortSignal): Promise<unknown>;
  getBytes(url: string, signal?: AbortSignal): Promise<Buffer>;
  /**
   * Opens a download to read as a stream (a CSV export can be larger than memory). Connecting and
   * the status are retried like any request; once the body flows, a failure ends the read (a reader
   * that can start over, like httpCsv, reads again after waitBeforeRetry).
   */
  openStream(url: string, signal?: AbortSignal): Promise<{ body: Readable; contentType: string | null }>;
  /**
   * For a download that broke off after its body began to flow, which its reader then reads again
   * from the start: waits this client's back-off after failed attempt `attempt` and resolves true,
   * or resolves false at once when that was the last attempt.
   */
  waitBeforeRetry(url: string, attempt: number, reason: string, signal?: AbortSignal): Promise<boolean>;
}

/** Statuses worth another try: the server may answer the same request well a moment later. */
const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const { timeoutMs = 15000, attempts = 5, backoffMs = 250, maxBackoffMs = 10000, onRetry } = options;

  async function getWithRetries<T>(url: string, parse: (body: Buffer) => T, signal?: AbortSignal): Promise<T> {
    let lastReason = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const outcome = await attemptOnce(url, parse, timeoutMs, signal);
      if (outcome.ok) return outcome.value;
      lastReason = outcome.reason;
      if (!outcome.retryable || attempt === attempts) {
        throw new FetchError(`GET ${url} failed after ${attempt} attempt(s): ${outcome.reason}`, url, outcome.status);
      }
      const delayMs = Math.min(outcome.retryAfterMs ?? jitteredBackoff(backoffMs, attempt, maxBackoffMs), maxBackoffMs);
      onRetry?.({ url, attempt, delayMs, reason: outcome.reason });
      await sleep(delayMs, undefined, { signal });
    }
    throw new FetchError(`GET ${url} failed: ${lastReason}`, url);
  }

  async function openStream(url: string, signal?: AbortSignal) {
    for (let attempt = 1; ; attempt++) {
      const controller = new AbortController();
      const combined = signal ? AbortSignal.any([signal, controller.signal]) : controller.signal;
      const connectTimer = setTimeout(() => controller.abort(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      let reason: string;
      let retryAfterMs: number | undefined;
      let retryable = true;
      try {
        const response = await fetch(url, { signal: combined });
        clearTimeout(connectTimer);
        if (response.ok && response.body) {
          return { body: stallGuarded(Readable.fromWeb(response.body as never), controller, timeoutMs), contentType: response.headers.get('content-type') };
        }
        await response.body?.cancel();
        reason = `HTTP ${response.status} ${response.statusText}`.trim();
        retryable = RETRYABLE_STATUS.has(response.status);
        retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      } catch (error) {
        clearTimeout(connectTimer);
        if (signal?.aborted) throw signal.reason ?? error;
        reason = controller.signal.aborted ? `no answer within ${timeoutMs} ms` : networkReason(error);
      }
      if (!retryable || attempt >= attempts) throw new FetchError(`GET ${url} failed after ${attempt} attempt(s): ${reason}`, url);
      const delayMs = Math.min(retryAfterMs ?? jitteredBackoff(backoffMs, attempt, maxBackoffMs), maxBackoffMs);
      onRetry?.({ url, attempt, delayMs, reason });
      await sleep(delayMs, undefined, { signal });
    }
  }

  async function waitBeforeRetry(url: string, attempt: number, reason: string, signal?: AbortSignal): Promise<boolean> {
    if (attempt >= attempts) return false;
    const delayMs = jitteredBackoff(backoffMs, attempt, maxBackoffMs);
    onRetry?.({ url, attempt, delayMs, reason });
    await sleep(delayMs, undefined, { signal });
    return true;
  }

  return {
    getJson: (url, signal) => getWithRetries(url, (body) => parseJsonBody(body), signal),
    getBytes: (url, signal) => getWithRetries(url, (body) => body, signal),
    openStream,
    waitBeforeRetry,
  };
}

/** A download that stops sending for longer than the time limit is aborted, not waited on for ever. */
function stallGuarded(body: Readable, controller: AbortController, timeoutMs: number): Readable {
  let timer = setTimeout(() => controller.abort(), timeoutMs);
  body.on('data', () => {
    clearTimeout(timer);
    timer = setTimeout(() => body.destroy(new Error(`the download stalled for ${timeoutMs} ms`)), timeoutMs);
  });
  body.on('close', () => clearTimeout(timer));
  return body;
}

type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; retryable: boolean; reason: string; status?: number; retryAfterMs?: number };

async function attemptOnce<T>(
  url: string,
  parse: (body: Buffer) => T,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<Outcome<T>> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    const response = await fetch(url, { signal: combined, headers: { accept: 'application/json, text/csv, */*' } });
    // The body is read under the same time limit: a server that stalls mid-body is a timeout too.
    const body = Buffer.from(await response.arrayBuffer());
    if (!response.ok) {
      return {
        ok: false,
        retryable: RETRYABLE_STATUS.has(response.status),
        status: response.status,
        reason: `HTTP ${response.status} ${response.statusText}`.trim(),
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
      };
    }
    return { ok: true, value: parse(body) };
  } catch (error) {
    if (signal?.aborted) throw signal.reason ?? error;
    if (timeout.aborted) return { ok: false, retryable: true, reason: `no complete answer within ${timeoutMs} ms` };
    if (error instanceof MalformedBodyError) return { ok: false, retryable: true, reason: error.message };
    return { ok: false, retryable: true, reason: networkReason(error) };
  }
}

class MalformedBodyError extends Error {}

function parseJsonBody(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    // A cut-off page is a fetch failure, not a page of bad records: retry it, never import half of it.
    throw new MalformedBodyError(`the answer is not valid JSON (truncated or not JSON: ${(error as Error).message})`);
  }
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Exponential back-off with full jitter, so that many clients retrying do not retry in step. */
export function jitteredBackoff(baseMs: number, attempt: number, maxMs: number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}
