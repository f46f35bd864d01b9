import os from 'node:os';
import { autocannon } from '../harness/autocannon';
import { statementLabel } from '../harness/statements';
import type { ServerProcess } from './serverProcess';
import type { BenchQuery } from './workload';

/** One measured run of one workload against one server. */
export interface RunFigures {
  round: number;
  seconds: number;
  requests: number;
  reqPerSec: number;
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Responses whose body differed from the one checked before the load for the same variant. */
  mismatches: number;
  /** Statements the server sent per response, over the whole run. */
  statementsPerRequest: number;
  /** The server process's CPU time per response (user + system), ms: less sensitive than req/s to the machine's other load. */
  serverCpuMsPerRequest: number;
  /** Share of one core the server process used during the run. */
  serverCpuShare: number;
  /** 1-minute load average when the run ended. */
  loadAverage: number;
}

export function requestBody(q: BenchQuery): string {
  return JSON.stringify(q.variables ? { query: q.query, variables: q.variables } : { query: q.query });
}

/** One request outside the load: its body (to check, and to expect under load) and the statements it cost. */
export async function singleRequest(server: ServerProcess, body: string): Promise<SingleRequest> {
  const before = await server.stats();
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await res.text();
  const after = await server.stats(before.statements);
  const sql = after.sql ?? [];
  const byLabel: Record<string, number> = {};
  for (const label of sql.map(statementLabel)) byLabel[label] = (byLabel[label] ?? 0) + 1;
  return { status: res.status, body: text, statements: after.statements - before.statements, byLabel, sql };
}

export interface SingleRequest {
  status: number;
  body: string;
  statements: number;
  /** Statements by verb and first table. */
  byLabel: Record<string, number>;
  /** Their text, as sent. */
  sql: string[];
}

export interface LoadSettings {
  connections: number;
  duration: number;
}

/**
 * The requests of one run: request bodies sent in turn, the i-th request of the run (over all
 * connections) with bodies[i mod n], so every server gets the same sequence; and, when checking,
 * the answer expected to each.
 */
export interface Requests {
  bodies: string[];
  expected?: string[];
}

/** Drives the server with autocannon for `duration` seconds and reads its statement count and CPU time around the run. */
export async function drive(server: ServerProcess, requests: Requests, settings: LoadSettings, round: number): Promise<RunFigures> {
  const { bodies, expected } = requests;
  let sent = 0;
  let mismatches = 0;
  const before = await server.stats();
  const result = await autocannon({
    url: server.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request, context) => {
          const variant = sent++ % bodies.length;
          context.variant = variant;
          return { ...request, body: bodies[variant] };
        },
        onResponse: (status, body, context) => {
          if (expected && status >= 200 && status < 300 && body !== expected[context.variant as number]) mismatches++;
        },
      },
    ],
    connections: settings.connections,
    duration: settings.duration,
    pipelining: 1,
  });
  const after = await server.stats();
  const count = result.requests.total;
  const cpuMs = (after.cpuMicros - before.cpuMicros) / 1000;
  return {
    round,
    seconds: result.duration,
    requests: count,
    reqPerSec: count / result.duration,
    latencyMs: { mean: result.latency.average, p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    mismatches,
    statementsPerRequest: count ? (after.statements - before.statements) / count : 0,
    serverCpuMsPerRequest: count ? cpuMs / count : 0,
    serverCpuShare: cpuMs / 1000 / result.duration,
    loadAverage: os.loadavg()[0],
  };
}
