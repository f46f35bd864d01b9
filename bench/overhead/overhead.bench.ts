/**
 * Overhead benchmark (`npm run bench:overhead`): what the hub's own request path costs, the part
 * every request pays whatever it asks — Express, Apollo and its plugins, graphql-armor, pino-http,
 * the metrics, CORS, the JSON depth checks. Two queries that touch no database are driven with
 * autocannon: `{ __typename }` (nothing to resolve) and `usccCheck` (a pure resolver, cached a day,
 * so with the response cache on it is a cache hit). Reported per variant: requests/s and the
 * server process's CPU time per request (µs, user + system, less sensitive than requests/s to the
 * machine's other load), first for the whole hub, then with one piece taken out at a time
 * (bench/overhead/pieces.ts), then with all of them out (`bare`): the difference is what the piece
 * costs. Prints a table and writes bench/results/overhead-<timestamp>.json.
 *
 * Each variant runs in a fresh server process (bench/overhead/server.ts, the hub as `hub serve`
 * starts it in production, LOG_LEVEL=silent), warmed up first, on one scratch PostgreSQL database
 * that no query reads; autocannon runs in this process.
 */
import os from 'node:os';
import path from 'node:path';
import { formatProfile, summarizeProfile, type ProfileSummary } from '../api/cpuProfile';
import { drive, requestBody, singleRequest, type RunFigures } from '../api/load';
import type { BenchQuery } from '../api/workload';
import { withServer, type ServerProcess } from '../api/serverProcess';
import { packageVersion } from '../harness/environment';
import { progress, runBenchmark, withScratchDatabase, type Leftovers } from '../harness/lifecycle';
import { RESULTS_DIR } from '../harness/paths';
import { alignColumns, fileTimestamp, round, writeResults } from '../harness/results';
import { parseOverheadOptions, piecesOf, type OverheadOptions, type Variant } from './options';

/** Queries that touch no database: what is left is the request path itself. */
const QUERIES = {
  typename: { query: '{ __typename }' },
  usccCheck: {
    query: 'query Check($code: String!) { usccCheck(code: $code) { valid normalized reason problems { kind position message } division { code scope } } }',
    variables: { code: '91230602MA1B2C3D4X' },
  },
} satisfies Record<string, BenchQuery>;
type QueryName = keyof typeof QUERIES;
const QUERY_NAMES = Object.keys(QUERIES) as QueryName[];

interface VariantFigures {
  variant: Variant;
  /** Per query, the median of its rounds. */
  queries: Record<QueryName, { reqPerSec: number; cpuMicrosPerRequest: number; runs: RunFigures[] }>;
}

const options = parseOverheadOptions(process.argv.slice(2));

void runBenchmark('overhead benchmark', options.adminUrl, async (leftovers) => {
  const startedAt = new Date().toISOString();
  const loadAverageStart = round(os.loadavg()[0], 2);
  const { variants, profile } = await withScratchDatabase(options.adminUrl, leftovers, async (db) => {
    const runs = new Map<Variant, Record<QueryName, RunFigures[]>>();
    for (let r = 1; r <= options.rounds; r++) {
      for (const variant of options.variants) {
        const measured = await withHub(leftovers, db.url, variant, (hub) => measureVariant(hub, variant, r, options));
        const kept = runs.get(variant) ?? { typename: [], usccCheck: [] };
        for (const name of QUERY_NAMES) kept[name].push(measured[name]);
        runs.set(variant, kept);
      }
    }
    const profile = options.profile ? await withHub(leftovers, db.url, 'full', (hub) => profiled(hub, options)) : undefined;
    return { variants: [...runs].map(([variant, byQuery]) => figuresOf(variant, byQuery)), profile };
  });
  const results = {
    startedAt,
    environment: { node: process.version, cpus: os.cpus().length, loadAverageStart, loadAverageEnd: round(os.loadavg()[0], 2), autocannon: packageVersion('autocannon') },
    settings: { duration: options.duration, warmup: options.warmup, connections: options.connections, rounds: options.rounds },
    variants,
    profile,
  };
  process.stdout.write(`${formatReport(variants, options)}\n`);
  if (profile) process.stdout.write(`\n${formatProfile(profile, 'CPU profile, the full hub, { __typename } (one extra run, profiler on)')}\n`);
  process.stdout.write(`results: ${writeResults('overhead', results)}\n`);
});

function withHub<T>(leftovers: Leftovers, databaseUrl: string, variant: Variant, work: (hub: ServerProcess) => Promise<T>): Promise<T> {
  const script = { path: 'overhead/server.ts', args: ['--without', piecesOf(variant).join(',')] };
  return withServer(leftovers, { target: 'hub', databaseUrl, script }, work);
}

/** Checks each query's answer, warms the server up, then one measured run per query. */
async function measureVariant(hub: ServerProcess, variant: Variant, r: number, o: OverheadOptions): Promise<Record<QueryName, RunFigures>> {
  const settings = { connections: o.connections, duration: o.duration };
  const figures = {} as Record<QueryName, RunFigures>;
  for (const name of QUERY_NAMES) {
    const expected = await checkedAnswer(hub, name);
    const requests = { bodies: [requestBody(QUERIES[name])], expected: [expected] };
    if (o.warmup > 0) await drive(hub, requests, { ...settings, duration: o.warmup }, 0);
    const run = await drive(hub, requests, settings, r);
    if (run.errors || run.non2xx || run.mismatches) throw new Error(`${variant}, ${name}: ${run.errors} errors, ${run.non2xx} non-2xx, ${run.mismatches} unexpected answers`);
    // Statements here are the hub's own polling (the review audit watch), not the queries': a check, not a figure.
    progress(`${variant.padEnd(15)} ${name.padEnd(9)} round ${r}: ${run.reqPerSec.toFixed(0)} req/s, ${(run.serverCpuMsPerRequest * 1000).toFixed(0)} µs CPU/req, ${run.statementsPerRequest.toFixed(3)} SQL/req`);
    figures[name] = run;
  }
  return figures;
}

/** The answer every response under load must equal: checked once, the second of two (the first fills the document cache). */
async function checkedAnswer(hub: ServerProcess, name: QueryName): Promise<string> {
  await singleRequest(hub, requestBody(QUERIES[name]));
  const { status, body } = await singleRequest(hub, requestBody(QUERIES[name]));
  if (status !== 200 || body.includes('"errors"')) throw new Error(`${name} was answered ${status}: ${body.slice(0, 500)}`);
  return body;
}

async function profiled(hub: ServerProcess, o: OverheadOptions): Promise<ProfileSummary> {
  const expected = await checkedAnswer(hub, 'typename');
  const requests = { bodies: [requestBody(QUERIES.typename)], expected: [expected] };
  await drive(hub, requests, { connections: o.connections, duration: Math.max(1, o.warmup) }, 0);
  const file = path.join(RESULTS_DIR, 'profiles', `overhead-full-typename-${fileTimestamp(new Date().toISOString())}.cpuprofile`);
  progress(`profiling the full hub (${o.duration} s) …`);
  await hub.profileStart();
  await drive(hub, requests, { connections: o.connections, duration: o.duration }, 0);
  await hub.profileStop(file);
  return summarizeProfile(file, 30);
}

function figuresOf(variant: Variant, byQuery: Record<QueryName, RunFigures[]>): VariantFigures {
  const queries = {} as VariantFigures['queries'];
  for (const name of QUERY_NAMES) {
    const runs = byQuery[name];
    queries[name] = {
      reqPerSec: round(median(runs.map((run) => run.reqPerSec)), 0),
      cpuMicrosPerRequest: round(median(runs.map((run) => run.serverCpuMsPerRequest * 1000)), 1),
      runs,
    };
  }
  return { variant, queries };
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One row per variant: per query, requests/s, CPU µs per request, and what taking the piece out saved against the full hub. */
function formatReport(variants: VariantFigures[], o: OverheadOptions): string {
  const full = variants.find((v) => v.variant === 'full')!;
  const header = ['hub', ...QUERY_NAMES.flatMap((name) => [`${name} req/s`, 'CPU µs/req', 'saved µs'])];
  const rows = variants.map((v) => [
    v.variant === 'full' ? 'full' : v.variant === 'bare' ? 'bare (all out)' : `without ${v.variant}`,
    ...QUERY_NAMES.flatMap((name) => {
      const q = v.queries[name];
      const saved = full.queries[name].cpuMicrosPerRequest - q.cpuMicrosPerRequest;
      return [q.reqPerSec.toLocaleString('en-US'), q.cpuMicrosPerRequest.toFixed(0), v === full ? '' : saved.toFixed(0)];
    }),
  ]);
  return [
    `Overhead of the hub's request path: ${o.connections} connections, ${o.duration} s runs after ${o.warmup} s of warm-up, median of ${o.rounds} round(s); CPU is the server process's`,
    '',
    ...alignColumns([header, ...rows], (i) => i > 0, '  '),
  ].join('\n');
}
