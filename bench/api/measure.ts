import path from 'node:path';
import { progress } from '../harness/lifecycle';
import { RESULTS_DIR } from '../harness/paths';
import { fileTimestamp } from '../harness/results';
import { summarizeProfile } from './cpuProfile';
import { drive, singleRequest, type RunFigures, type SingleRequest } from './load';
import { TARGETS, type ApiBenchOptions, type QueryName, type Target } from './options';
import { benchQuery, differences, digest, type Digest } from './queries';
import { queryFigures, serverFigures, type ApiBenchResults, type QueryFigures } from './report';
import type { Servers } from './serverProcess';

/** Checks both answers, counts their statements, warms both up, then the interleaved measured runs. */
export async function measureQuery(name: QueryName, servers: Servers, uscc: string, options: ApiBenchOptions): Promise<QueryFigures> {
  const singles = {} as Record<Target, SingleRequest & { bytes: number; digest: Digest }>;
  for (const target of TARGETS) {
    const q = benchQuery(name, target, uscc);
    // The second of two: the first may fill a server's document cache.
    await singleRequest(servers[target], q);
    const single = await singleRequest(servers[target], q);
    if (single.status !== 200) throw new Error(`${target} answered the ${name} query with HTTP ${single.status}: ${single.body.slice(0, 500)}`);
    singles[target] = { ...single, bytes: Buffer.byteLength(single.body), digest: digest(name, target, single.body) };
  }
  const settings = { connections: options.connections, duration: options.duration };
  if (options.warmup > 0) {
    for (const target of TARGETS) {
      progress(`${name}: warming up ${target} (${options.warmup} s) …`);
      await drive(servers[target], benchQuery(name, target, uscc), singles[target].body, { ...settings, duration: options.warmup }, 0);
    }
  }
  const runs: Record<Target, RunFigures[]> = { hub: [], postgraphile: [] };
  for (let round = 1; round <= options.rounds; round++) {
    for (const target of TARGETS) {
      const run = await drive(servers[target], benchQuery(name, target, uscc), singles[target].body, settings, round);
      runs[target].push(run);
      progress(
        `${name}: ${target.padEnd(12)} round ${round}: ${run.reqPerSec.toFixed(0)} req/s, p99 ${run.latencyMs.p99} ms, ` +
          `${run.serverCpuMsPerRequest.toFixed(2)} CPU ms/req, load ${run.loadAverage.toFixed(2)}`,
      );
    }
  }
  return queryFigures(
    name,
    serverFigures('hub', singles.hub, runs.hub),
    serverFigures('postgraphile', singles.postgraphile, runs.postgraphile),
    differences(name, singles.hub.digest, singles.postgraphile.digest),
    { hub: benchQuery(name, 'hub', uscc).query, postgraphile: benchQuery(name, 'postgraphile', uscc).query },
  );
}

/** With --cpu-prof: one extra run per query under V8's profiler (not part of the figures above: the profiler slows a server down). */
export async function profileRuns(servers: Servers, uscc: string, options: ApiBenchOptions): Promise<ApiBenchResults['profiles']> {
  const profiles: ApiBenchResults['profiles'] = [];
  const dir = path.join(RESULTS_DIR, 'profiles');
  for (const name of options.queries) {
    for (const target of options.cpuProf) {
      const file = path.join(dir, `api-${target}-${name}-${fileTimestamp(new Date().toISOString())}.cpuprofile`);
      progress(`${name}: profiling ${target} (${options.duration} s) …`);
      await servers[target].profileStart();
      await drive(servers[target], benchQuery(name, target, uscc), undefined, { connections: options.connections, duration: options.duration }, 0);
      await servers[target].profileStop(file);
      profiles.push({ target, query: name, summary: summarizeProfile(file) });
    }
  }
  return profiles;
}
