import type { Sample } from './sampler';

/**
 * The soak compares its first this many seconds with as many at the end. Each side is a window of
 * samples, not one sample: a server's RSS swings by 150 MiB between two samples ten seconds apart
 * (V8 grows its heap, then gives pages back), and one interval's latency jumps while a sync
 * commits, so two single samples can read a swing as growth, or hide growth behind a trough. A
 * window of 5 minutes holds 30 samples, enough to catch the crests.
 */
export const WINDOW_SECONDS = 300;

/** The samples of the soak's first and last windows: 5 minutes each, or halves of a shorter soak. */
export interface SoakWindows {
  windowSeconds: number;
  first: Sample[];
  last: Sample[];
}

export function soakWindows(samples: Sample[], soakSeconds: number): SoakWindows {
  const windowSeconds = Math.min(WINDOW_SECONDS, Math.floor(soakSeconds / 2));
  const endSeconds = samples.at(-1)?.seconds ?? 0;
  return { windowSeconds, first: within(samples, 0, windowSeconds), last: within(samples, endSeconds - windowSeconds, endSeconds) };
}

/** Samples whose interval ended after `from` and no later than `to`. */
function within(samples: Sample[], from: number, to: number): Sample[] {
  return samples.filter((s) => s.seconds > from && s.seconds <= to);
}

/** The median of the values read (nulls left out); null when none was read. */
export function median(samples: Sample[], read: (s: Sample) => number | null): number | null {
  const values = samples.map(read).filter(isNumber).sort((a, b) => a - b);
  if (values.length === 0) return null;
  const middle = values.length >> 1;
  return values.length % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

export const isNumber = (value: number | null): value is number => value !== null;
