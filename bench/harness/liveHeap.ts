import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import v8 from 'node:v8';

/** The young generation's spaces: garbage and live objects mixed until their next scavenge. */
const YOUNG_SPACES = new Set(['new_space', 'new_large_object_space']);

/**
 * What a process's heap still held after V8's latest full (mark-compact) collection: its live
 * objects, which is what grows when something leaks. RSS cannot tell that: under load it counts
 * the garbage of the pages V8 has not collected yet, and swings by a hundred MiB from one second
 * to the next as V8 grows its heap and gives pages back.
 *
 * Read without forcing a collection (one would stall the server being measured): a
 * PerformanceObserver hears of each full collection and reads the old generation's spaces then.
 * The observer is told a little after the collection, so objects promoted in between are counted
 * too; the young generation is left out, as it holds garbage until its next scavenge.
 */
export class LiveHeap {
  /** Full collections so far. */
  fullCollections = 0;
  /** KiB held by the old generation after the latest full collection; undefined before the first. */
  kib?: number;
  private readonly observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!isFullCollection(entry)) continue;
      this.fullCollections++;
      this.kib = oldGenerationKiB();
    }
  });

  constructor() {
    this.observer.observe({ entryTypes: ['gc'] });
  }

  stop(): void {
    this.observer.disconnect();
  }
}

/** Node 16+ gives a gc entry's kind in `detail` (typed by @types/node only on its GC entries). */
function isFullCollection(entry: PerformanceEntry): boolean {
  return (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR;
}

/** The old generation's size now, KiB (what LiveHeap reads after each full collection). */
export function oldGenerationKiB(): number {
  const used = v8
    .getHeapSpaceStatistics()
    .filter((space) => !YOUNG_SPACES.has(space.space_name))
    .reduce((sum, space) => sum + space.space_used_size, 0);
  return Math.round(used / 1024);
}
