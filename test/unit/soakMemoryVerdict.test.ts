import v8 from 'node:v8';
import vm from 'node:vm';
import { LiveHeap, oldGenerationKiB } from '../../bench/harness/liveHeap';
import { memoryVerdict } from '../../bench/soak/memoryVerdict';
import type { Sample } from '../../bench/soak/sampler';
import { soakSample } from '../helpers/soakSample';

const MIB = 1024;

/** A soak of 10 minutes and 10 s (so that it ends on a crest) sampled every 10 s, RSS and live heap (MiB) given per sample's end second. */
function soak(rssMiB: (seconds: number) => number, liveMiB: (seconds: number) => number | null): Sample[] {
  return Array.from({ length: 61 }, (_, i) => {
    const seconds = (i + 1) * 10;
    const live = liveMiB(seconds);
    return soakSample(seconds, { rssKiB: rssMiB(seconds) * MIB, liveHeapKiB: live === null ? null : live * MIB });
  });
}

/** RSS that swings between a trough and a crest from one sample to the next, as V8's heap does under load. */
const swinging = (trough: number, crest: number) => (seconds: number) => (seconds / 10) % 2 === 0 ? trough : crest;

/**
 * bench:soak's memory target: flat once warm. A server's RSS swings by 150 MiB between two
 * samples, so the verdict compares the first 5 minutes with the last 5 (the peak RSS, the median
 * live heap), never two single samples that may be a trough and a crest.
 */
describe('the soak benchmark’s memory verdict', () => {
  it('meets the target when RSS only swings, though a trough at 5:00 against a crest at the end is × 1.7', () => {
    const samples = soak(swinging(224, 380), () => 110);
    expect(samples.find((s) => s.seconds === 300)!.rssKiB).toBe(224 * MIB);
    expect(samples.at(-1)!.rssKiB).toBe(380 * MIB);
    const verdict = memoryVerdict(samples, 610);
    expect(verdict).toMatchObject({ windowSeconds: 300, peakKiB: 380 * MIB });
    expect(verdict.peakRss).toEqual({ firstKiB: 380 * MIB, lastKiB: 380 * MIB, ratio: 1, met: true });
    expect(verdict.liveHeapMedian).toMatchObject({ ratio: 1, met: true });
  });

  it('misses when the live heap grows, though the RSS peaks stay flat', () => {
    const leaking = (seconds: number) => 100 + Math.max(0, seconds - 240) * 0.2; // from 4:00: 112 MiB at 5:00, 174 at the end
    const verdict = memoryVerdict(soak(swinging(224, 380), leaking), 610);
    expect(verdict.peakRss.met).toBe(true);
    expect(verdict.liveHeapMedian.firstKiB).toBe(100 * MIB); // the first 5 minutes
    expect(verdict.liveHeapMedian.lastKiB).toBe(145 * MIB); // the last 5: 116 to 174
    expect(verdict.liveHeapMedian.met).toBe(false);
  });

  it('misses when the RSS peaks grow by more than a fifth', () => {
    const growing = (seconds: number) => ((seconds / 10) % 2 === 0 ? 224 : 300 + seconds / 5); // crests 358 → 422
    const verdict = memoryVerdict(soak(growing, () => 110), 610);
    expect(verdict.peakRss.firstKiB).toBe(358 * MIB);
    expect(verdict.peakRss.lastKiB).toBe(422 * MIB);
    expect(verdict.peakRss.ratio).toBeCloseTo(1.179, 3);
    expect(verdict.peakRss.met).toBe(true);
    const faster = (seconds: number) => ((seconds / 10) % 2 === 0 ? 224 : 200 + seconds / 2); // crests 345 → 505
    expect(memoryVerdict(soak(faster, () => 110), 610).peakRss).toMatchObject({ firstKiB: 345 * MIB, lastKiB: 505 * MIB, met: false });
  });

  it('compares the halves of a short soak, and gives no verdict on a live heap never read', () => {
    const samples = soak(() => 250, () => null).slice(0, 12); // two minutes
    const verdict = memoryVerdict(samples, 120);
    expect(verdict).toMatchObject({ windowSeconds: 60 });
    expect(verdict.peakRss.met).toBe(true);
    expect(verdict.liveHeapMedian).toEqual({ firstKiB: null, lastKiB: null, ratio: null, met: null });
  });
});

describe('LiveHeap (what a benchmark server still holds after a full collection)', () => {
  /** Collects fully and returns the old generation's size (KiB) read at once, before anything else runs. */
  function collectNow(): number {
    v8.setFlagsFromString('--expose-gc');
    (vm.runInNewContext('gc') as () => void)();
    return oldGenerationKiB();
  }

  /** Collects fully and waits for the observer to hear of it (it is told after the collection). */
  async function collected(heap: LiveHeap): Promise<{ observed: number; atCollection: number }> {
    const before = heap.fullCollections;
    const atCollection = collectNow();
    while (heap.fullCollections === before) await new Promise((resolve) => setTimeout(resolve, 5));
    return { observed: heap.kib!, atCollection };
  }

  it('reads the old generation after each full collection, as V8 gives it then', async () => {
    const heap = new LiveHeap();
    try {
      expect(heap.kib).toBeUndefined();
      for (let round = 0; round < 3; round++) {
        const { observed, atCollection } = await collected(heap);
        expect(Math.abs(observed - atCollection)).toBeLessThan(1 * MIB); // only what was promoted in between
      }
      expect(heap.fullCollections).toBeGreaterThanOrEqual(3);
    } finally {
      heap.stop();
    }
  });

  // The held array is large on purpose: between two collections V8 also lets go of things of its
  // own (compiled code of functions not run lately, its compilation cache) — up to 14 MiB in a
  // jest worker that has run many suites before (Node 24 in CI) — which this must not be mistaken for.
  it('goes up by what is held and down once it is let go', async () => {
    const heap = new LiveHeap();
    try {
      const empty = (await collected(heap)).observed;
      let held: number[][] | undefined = Array.from({ length: 160 }, (_, i) => Array.from({ length: 100_000 }, (_, j) => i + j + 0.5));
      const holding = (await collected(heap)).observed;
      expect(holding - empty).toBeGreaterThan(90 * MIB); // 16 million doubles: 122 MiB
      expect(held.length).toBe(160);
      held = undefined;
      const released = (await collected(heap)).observed;
      expect(holding - released).toBeGreaterThan(90 * MIB);
    } finally {
      heap.stop();
    }
  });
});
