import { round } from '../harness/results';
import type { Sample } from './sampler';
import { isNumber, median, soakWindows } from './windows';

/** Memory may grow at most this much from the first minutes of a soak to its last. */
export const MAX_MEMORY_RATIO = 1.2;

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
  const { windowSeconds, first, last } = soakWindows(samples, soakSeconds);
  const rss = (s: Sample) => s.rssKiB;
  const live = (s: Sample) => s.liveHeapKiB;
  const rssRead = samples.map(rss).filter(isNumber);
  return {
    windowSeconds,
    peakRss: compare(highest(first, rss), highest(last, rss)),
    liveHeapMedian: compare(medianKiB(first, live), medianKiB(last, live)),
    peakKiB: rssRead.length ? Math.max(...rssRead) : null,
  };
}

function compare(firstKiB: number | null, lastKiB: number | null): MemoryComparison {
  const ratio = firstKiB && lastKiB ? round(lastKiB / firstKiB, 3) : null;
  return { firstKiB, lastKiB, ratio, met: ratio === null ? null : ratio <= MAX_MEMORY_RATIO };
}

function highest(samples: Sample[], read: (s: Sample) => number | null): number | null {
  const values = samples.map(read).filter(isNumber);
  return values.length ? Math.max(...values) : null;
}

function medianKiB(samples: Sample[], read: (s: Sample) => number | null): number | null {
  const middle = median(samples, read);
  return middle === null ? null : Math.round(middle);
}
