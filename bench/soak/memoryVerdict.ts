import { round } from '../harness/results';
import type { Sample } from './sampler';

/** Memory may grow at most this much from the first minutes of a soak to its last. */
export const MAX_MEMORY_RATIO = 1.2;
/**
 * The first this many seconds are compared with as many at the end. Each side is a window of
 * samples, not one sample: a server's RSS swings by 150 MiB between two samples ten seconds apart
 * (V8 grows its heap, then gives pages back), so two single samples can read a swing as growth, or
 * hide growth behind a trough. A window of 5 minutes holds 30 samples, enough to catch the crests.
 */
export const MEMORY_WINDOW_SECONDS = 300;

/** One figure in the first window against the last. */
export interface MemoryComparison {
  firstKiB: number | null;
  lastKiB: number | null;
  ratio: number | null;
  /** Null when a side had nothing read. */
  met: boolean | null;
}

export interface MemoryVerdict {
  /** Each window's length: the first 5 minutes against the last 5, or halves of a shorter soak. */
  windowSeconds: number;
  /** The highest RSS of the first window against that of the last: the peak stays flat. */
  peakRss: MemoryComparison;
  /**
   * The median live heap (after a full collection) of each window, which a leak raises. A full
   * collection that lands amid a burst of requests reads high once; the median passes over it.
   */
  liveHeapMedian: MemoryComparison;
  /** The highest RSS of the whole soak. */
  peakKiB: number | null;
}

/** Peak RSS and the median live heap, in the first minutes of the soak against its last. */
export function memoryVerdict(samples: Sample[], soakSeconds: number): MemoryVerdict {
  const windowSeconds = Math.min(MEMORY_WINDOW_SECONDS, Math.floor(soakSeconds / 2));
  const endSeconds = samples.at(-1)?.seconds ?? 0;
  const first = within(samples, 0, windowSeconds);
  const last = within(samples, endSeconds - windowSeconds, endSeconds);
  const rss = (s: Sample) => s.rssKiB;
  const live = (s: Sample) => s.liveHeapKiB;
  const rssRead = samples.map(rss).filter(isNumber);
  return {
    windowSeconds,
    peakRss: compare(highest(first, rss), highest(last, rss)),
    liveHeapMedian: compare(median(first, live), median(last, live)),
    peakKiB: rssRead.length ? Math.max(...rssRead) : null,
  };
}

/** Samples whose interval ended after `from` and no later than `to`. */
function within(samples: Sample[], from: number, to: number): Sample[] {
  return samples.filter((s) => s.seconds > from && s.seconds <= to);
}

function compare(firstKiB: number | null, lastKiB: number | null): MemoryComparison {
  const ratio = firstKiB && lastKiB ? round(lastKiB / firstKiB, 3) : null;
  return { firstKiB, lastKiB, ratio, met: ratio === null ? null : ratio <= MAX_MEMORY_RATIO };
}

function highest(samples: Sample[], read: (s: Sample) => number | null): number | null {
  const values = samples.map(read).filter(isNumber);
  return values.length ? Math.max(...values) : null;
}

function median(samples: Sample[], read: (s: Sample) => number | null): number | null {
  const values = samples.map(read).filter(isNumber).sort((a, b) => a - b);
  if (values.length === 0) return null;
  const middle = values.length >> 1;
  return values.length % 2 ? values[middle] : Math.round((values[middle - 1] + values[middle]) / 2);
}

const isNumber = (value: number | null): value is number => value !== null;
