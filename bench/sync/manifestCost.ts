/**
 * What a connector manifest costs against code: the same feed (credit/licences) synced by its
 * coded twin, by the manifest (every expression on the quick path), and by the manifest with every
 * mapping evaluated by JSONata, each run into a fresh database (bench/manifest/ has the three, and
 * test/unit/manifestBenchTwin.test.ts proves they store the same rows).
 *
 * The sides run in the order coded, manifest, JSONata, then back again, and each keeps its faster
 * run: a busy machine only ever slows a run down, and the mirrored order keeps a slow spell from
 * landing on one side only.
 */
import type { ProfileSummary } from '../api/cpuProfile';
import { MANIFEST_BENCH_SIDES, type ManifestBenchSide } from '../manifest/sides';
import type { ChildResult } from './syncProcess';

/** The target: a manifest stream syncs in at most 1.2 × its coded twin's time. */
export const MAX_MANIFEST_RATIO = 1.2;

const SIDES = Object.keys(MANIFEST_BENCH_SIDES) as ManifestBenchSide[];

export interface ManifestRuns {
  scale: number;
  runs: Record<ManifestBenchSide, ChildResult[]>;
  /** With --manifest-profile: one extra, untimed run per side under V8's profiler. */
  profiles?: Partial<Record<ManifestBenchSide, ProfileSummary>>;
}

export interface ManifestSide {
  side: ManifestBenchSide;
  stream: string;
  /** The faster run's wall time, and every run's, in the order they ran. */
  bestSeconds: number;
  runSeconds: number[];
  recordsPerSec: number;
  stored: number;
  held: number;
  phases: ChildResult['phases'];
}

export interface ManifestCost {
  scale: number;
  sides: ManifestSide[];
  /** manifest / coded, best against best: the target. */
  ratio: number;
  /** JSONata only / coded: what the quick path saves (informational). */
  jsonataRatio: number;
  met: boolean;
  profiles?: ManifestRuns['profiles'];
}

/** Syncs each side `rounds` times, mirrored (coded, manifest, JSONata, JSONata, manifest, coded …). */
export async function measureManifestSides(scale: number, rounds: number, sync: (side: ManifestBenchSide) => Promise<ChildResult>): Promise<ManifestRuns> {
  const runs = Object.fromEntries(SIDES.map((side) => [side, [] as ChildResult[]])) as ManifestRuns['runs'];
  for (let round = 0; round < rounds; round++) {
    for (const side of round % 2 === 0 ? SIDES : [...SIDES].reverse()) runs[side].push(await sync(side));
  }
  return { scale, runs };
}

export function manifestCost({ scale, runs, profiles }: ManifestRuns): ManifestCost {
  const sides = SIDES.map((side): ManifestSide => {
    const best = runs[side].reduce((a, b) => (a.syncSeconds <= b.syncSeconds ? a : b));
    return {
      side,
      stream: MANIFEST_BENCH_SIDES[side],
      bestSeconds: best.syncSeconds,
      runSeconds: runs[side].map((r) => r.syncSeconds),
      recordsPerSec: Math.round(best.inserted / best.syncSeconds),
      stored: best.inserted,
      held: best.held,
      phases: best.phases,
    };
  });
  const seconds = (side: ManifestBenchSide) => sides.find((s) => s.side === side)!.bestSeconds;
  const ratio = seconds('manifest') / seconds('coded');
  return { scale, sides, ratio, jsonataRatio: seconds('jsonata') / seconds('coded'), met: ratio <= MAX_MANIFEST_RATIO, profiles };
}
