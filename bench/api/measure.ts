import path from 'node:path';
import { progress } from '../harness/lifecycle';
import { databaseSettled } from '../harness/postgres';
import { RESULTS_DIR } from '../harness/paths';
import { fileTimestamp } from '../harness/results';
import { summarizeProfile } from './cpuProfile';
import { drive, requestBody, singleRequest, type Requests, type RunFigures, type SingleRequest } from './load';
import { SERVERS, targetOf, type ApiBenchOptions, type ServerName, type Target } from './options';
import { queryFigures, serverFigures, type ApiBenchResults, type QueryFigures, type SkippedQuery } from './report';
import type { Servers } from './serverProcess';
import { dataOf, differences, type Digest, type Variant, type Workload } from './workload';

/** A server's answers to every variant, read before the load. */
export interface Checked {
  requests: Required<Requests>;
  digests: Digest[];
  /** The first variant's request, sent alone: its statements, as sent. */
  first: SingleRequest;
  /** Statements per request over one pass through every variant. */
  statementsPerRequest: number;
  /** Mean response size over the variants. */
  bytes: number;
}

/**
 * One workload on every server: its variants, each server's answer to each (the answers the load
 * must then repeat, and the hub's compared with PostGraphile's), a warm-up per server, then the
 * measured runs, interleaved hub, PostGraphile, cached hub, and with --cpu-prof one profiled run.
 * Each run starts once the statements of the run before have finished (databaseSettled).
 */
export async function measureWorkload(
  workload: Workload,
  servers: Servers,
  databaseUrl: string,
  options: ApiBenchOptions,
): Promise<{ figures: QueryFigures | SkippedQuery; profiles: ApiBenchResults['profiles'] }> {
  const { name } = workload;
  const variants = await workload.variants({ databaseUrl, servers, most: options.variants });
  if ('skipped' in variants) {
    progress(`${name}: skipped: ${variants.skipped}`);
    return { figures: { query: name, skipped: variants.skipped }, profiles: [] };
  }
  progress(`${name}: ${variants.length} variants (${variants.slice(0, 3).map((v) => v.label).join(', ')}${variants.length > 3 ? ', …' : ''})`);
  const checked = {} as Record<ServerName, Checked>;
  for (const server of SERVERS) checked[server] = await checkAnswers(workload, servers[server], targetOf(server), variants);

  const settings = { connections: options.connections, duration: options.duration };
  if (options.warmup > 0) {
    for (const server of SERVERS) {
      progress(`${name}: warming up ${server} (${options.warmup} s) …`);
      await drive(servers[server], checked[server].requests, { ...settings, duration: options.warmup }, 0);
      await databaseSettled(databaseUrl);
    }
  }
  const runs: Record<ServerName, RunFigures[]> = { hub: [], postgraphile: [], hubCached: [] };
  for (let round = 1; round <= options.rounds; round++) {
    for (const server of SERVERS) {
      const run = await drive(servers[server], checked[server].requests, settings, round);
      await databaseSettled(databaseUrl);
      runs[server].push(run);
      progress(
        `${name}: ${server.padEnd(12)} round ${round}: ${run.reqPerSec.toFixed(0)} req/s, p99 ${run.latencyMs.p99} ms, ` +
          `${run.serverCpuMsPerRequest.toFixed(2)} CPU ms/req, load ${run.loadAverage.toFixed(2)}`,
      );
    }
  }
  const figures = queryFigures({
    query: name,
    variants: variants.map((v) => v.label),
    rowsPerAnswer: mean(checked.hub.digests.map((d) => d.ids.length)),
    servers: Object.fromEntries(SERVERS.map((s) => [s, serverFigures(s, checked[s], runs[s])])) as Record<ServerName, ReturnType<typeof serverFigures>>,
    differences: [...compareAnswers(name, variants, checked.hub.digests, checked.postgraphile.digests), ...cachedHubAgrees(name, checked)],
    graphql: workload.graphql,
    caveat: workload.caveat,
  });
  return { figures, profiles: await profileRuns(workload, servers, checked, options) };
}

/** Every variant once, in order, after one unrecorded request (which may fill a server's document cache). */
async function checkAnswers(workload: Workload, server: Servers[ServerName], target: Target, variants: Variant[]): Promise<Checked> {
  const bodies = variants.map((v) => requestBody({ query: workload.graphql[target], variables: v.variables[target] }));
  await singleRequest(server, bodies[0]);
  const first = await singleRequest(server, bodies[0]);
  const before = await server.stats();
  const expected: string[] = [];
  for (const body of bodies) {
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${target} answered the ${workload.name} query with HTTP ${res.status}: ${text.slice(0, 500)}`);
    expected.push(text);
  }
  const after = await server.stats();
  return {
    requests: { bodies, expected },
    digests: expected.map((text) => workload.digest(target, dataOf(workload.name, target, text))),
    first,
    statementsPerRequest: (after.statements - before.statements) / bodies.length,
    bytes: Math.round(mean(expected.map((text) => Buffer.byteLength(text)))),
  };
}

/** Where the hub's and PostGraphile's answers differ, by kind, over every variant, with the first example of each. */
function compareAnswers(name: string, variants: Variant[], hub: Digest[], pg: Digest[]): string[] {
  const byKind = new Map<string, { count: number; example: string }>();
  variants.forEach((variant, i) => {
    for (const { what, detail } of differences(hub[i], pg[i])) {
      const seen = byKind.get(what);
      if (seen) seen.count++;
      else byKind.set(what, { count: 1, example: `${variant.label}: ${detail}` });
    }
  });
  return [...byKind].map(([what, { count, example }]) => `${name}: ${what} differ in ${count} of ${variants.length} variants (first: ${example})`);
}

/** The cached hub must answer exactly as the uncached one. */
function cachedHubAgrees(name: string, checked: Record<ServerName, Checked>): string[] {
  const differing = checked.hub.digests.filter((d, i) => JSON.stringify(d) !== JSON.stringify(checked.hubCached.digests[i])).length;
  return differing ? [`${name}: the hub with its response cache on answers ${differing} variants differently from the hub without`] : [];
}

/** With --cpu-prof: one extra run under V8's profiler (not part of the figures: the profiler slows a server down). */
async function profileRuns(workload: Workload, servers: Servers, checked: Record<ServerName, Checked>, options: ApiBenchOptions): Promise<ApiBenchResults['profiles']> {
  const profiles: ApiBenchResults['profiles'] = [];
  for (const target of options.cpuProf) {
    const file = path.join(RESULTS_DIR, 'profiles', `api-${target}-${workload.name}-${fileTimestamp(new Date().toISOString())}.cpuprofile`);
    progress(`${workload.name}: profiling ${target} (${options.duration} s) …`);
    await servers[target].profileStart();
    await drive(servers[target], { bodies: checked[target].requests.bodies }, { connections: options.connections, duration: options.duration }, 0);
    await servers[target].profileStop(file);
    profiles.push({ target, query: workload.name, summary: summarizeProfile(file) });
  }
  return profiles;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
