/**
 * autocannon, typed for what the benchmarks use (the package ships no types): one body for every
 * request, or one chosen per request (`requests` with setupRequest), and the run's events, which
 * give figures per interval where the result only gives the whole run's.
 */

/** What autocannon builds a request from; setupRequest returns it changed (another body, say). */
export interface RequestData {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * A client's own scratch object, passed to setupRequest and then to onResponse of the same
 * request (with pipelining 1 a client has one request in flight).
 */
export type RequestContext = Record<string, unknown>;

export interface AutocannonRequest {
  setupRequest?: (request: RequestData, context: RequestContext) => RequestData;
  /** Called with every response's status and body (autocannon then keeps each body). */
  onResponse?: (status: number, body: string, context: RequestContext) => void;
}

export interface AutocannonOptions {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body?: string;
  requests?: AutocannonRequest[];
  connections: number;
  duration: number;
  pipelining: number;
  expectBody?: string;
}

export interface Histogram {
  average: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  total: number;
}

export interface AutocannonResult {
  requests: Histogram;
  /** Milliseconds, recorded at 1 ms resolution. */
  latency: Histogram;
  throughput: Histogram;
  duration: number;
  errors: number;
  timeouts: number;
  mismatches: number;
  non2xx: number;
}

/** A run under way: its result when it ends, its events while it goes. */
export interface AutocannonRun extends PromiseLike<AutocannonResult> {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, latencyMs: number) => void): this;
  /** A socket error or a timeout: the request got no response. */
  on(event: 'reqError', listener: (error: Error) => void): this;
  stop(): void;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const autocannon = require('autocannon') as (options: AutocannonOptions) => AutocannonRun;
