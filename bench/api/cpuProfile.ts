/**
 * Reads a V8 .cpuprofile (what server.ts writes for a profiled run) and says where the busy
 * time went: by package or source folder (self time, and inclusive: the share of samples with that
 * package anywhere on the stack) and the busiest functions. Idle samples are left out, so shares
 * are of the time the server was working.
 *
 * Also runnable on its own: node bin/run-ts.js bench/api/cpuProfile.ts <file.cpuprofile>…
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { ROOT } from '../harness/paths';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  file: string;
  /** Samples while the process was working (not idle), and the time they cover. */
  busySamples: number;
  busyMs: number;
  /** Share of busy time spent in each package's own code. */
  selfByPackage: Array<{ name: string; share: number }>;
  /** Share of busy time with the package anywhere on the stack (callers included). */
  inclusiveByPackage: Array<{ name: string; share: number }>;
  topFunctions: Array<{ name: string; share: number }>;
}


export function summarizeProfile(file: string, top = 15): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const functions = new Map<string, number>();
  const stackCache = new Map<number, Set<string>>();
  let busy = 0;
  let busyUs = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') return;
    busy++;
    busyUs += profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0;
    const pkg = packageOf(node.callFrame);
    self.set(pkg, (self.get(pkg) ?? 0) + 1);
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${location(node.callFrame)}`;
    functions.set(fn, (functions.get(fn) ?? 0) + 1);
    for (const p of packagesOnStack(id, byId, parent, stackCache)) inclusive.set(p, (inclusive.get(p) ?? 0) + 1);
  });
  const ranked = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, n]) => ({ name, share: round(n / Math.max(1, busy)) }));
  return {
    file: path.relative(ROOT, file),
    busySamples: busy,
    busyMs: Math.round(busyUs / 1000),
    selfByPackage: ranked(self),
    inclusiveByPackage: ranked(inclusive),
    topFunctions: ranked(functions),
  };
}

function packagesOnStack(id: number, byId: Map<number, ProfileNode>, parent: Map<number, number>, cache: Map<number, Set<string>>): Set<string> {
  const cached = cache.get(id);
  if (cached) return cached;
  const up = parent.get(id);
  const set = new Set(up === undefined ? [] : packagesOnStack(up, byId, parent, cache));
  const frame = byId.get(id)!.callFrame;
  // The benchmark's own statement counter wraps pg's Client#query: a frame on every query's stack that is not the server's work.
  const pkg = packageOf(frame);
  if ((frame.url || !frame.functionName.startsWith('(')) && !pkg.startsWith('bench/')) set.add(pkg);
  cache.set(id, set);
  return set;
}

/** node_modules/<package>, src/<folder>, bench, node:<module>, or V8's own buckets ((garbage collector), (program)). */
export function packageOf(frame: { functionName: string; url: string }): string {
  const url = frame.url.replace(/^file:\/\//, '');
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + '/node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.startsWith('node:')) return url.replace(/^node:(internal\/)?/, 'node:').split('/').slice(0, 2).join('/');
  const rel = path.relative(ROOT, url);
  if (!rel.startsWith('..')) {
    const parts = rel.split('/');
    return parts[0] === 'src' && parts.length > 2 ? `src/${parts[1]}` : parts.slice(0, 2).join('/');
  }
  return url;
}

function location(frame: { url: string; lineNumber: number }): string {
  const url = frame.url.replace(/^file:\/\//, '');
  if (!url) return '';
  const nm = url.lastIndexOf('/node_modules/');
  const short = nm >= 0 ? url.slice(nm + '/node_modules/'.length) : url.startsWith('node:') ? url : path.relative(ROOT, url);
  return `(${short}:${frame.lineNumber + 1})`;
}

export function formatProfile(s: ProfileSummary, label: string): string {
  const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)} %`;
  const list = (rows: Array<{ name: string; share: number }>, n: number) => rows.slice(0, n).map((r) => `    ${pct(r.share)}  ${r.name}`);
  return [
    `${label}: ${s.busySamples} busy samples (${(s.busyMs / 1000).toFixed(1)} s of work), ${s.file}`,
    '  self time by package:',
    ...list(s.selfByPackage, 12),
    '  inclusive (package anywhere on the stack):',
    ...list(s.inclusiveByPackage, 12),
    '  busiest functions (self):',
    ...list(s.topFunctions, 12),
  ].join('\n');
}

const round = (n: number) => Math.round(n * 1000) / 1000;

// bin/run-ts.js puts the script itself in argv[1].
if (path.resolve(process.argv[1] ?? '') === __filename) {
  new Command('bench/api/cpuProfile.ts')
    .description('where the busy time of V8 CPU profiles went')
    .argument('<files...>', '.cpuprofile files')
    .action((files: string[]) => {
      for (const f of files) process.stdout.write(`${formatProfile(summarizeProfile(path.resolve(f), 30), path.basename(f))}\n`);
    })
    .parse(process.argv.slice(2), { from: 'user' });
}
