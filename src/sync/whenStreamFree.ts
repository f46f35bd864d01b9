import { setTimeout as sleep } from 'node:timers/promises';
import { StreamBusyError } from './engine';

export interface BusyRetry {
  /** How long to wait between attempts, in ms. */
  everyMs: number;
  /** How long to keep trying before giving up, in ms. */
  forMs: number;
}

/**
 * A run that is rare (a weekly reconciliation) must not be lost because an ordinary run of the
 * same stream holds the stream's lease at that moment: it waits for the lease and tries again. An
 * ordinary fire does not wait: the next one comes soon and reads from the cursor anyway.
 */
export async function whenStreamFree<T>(work: () => Promise<T>, retry: BusyRetry, signal?: AbortSignal): Promise<T> {
  const giveUpAt = Date.now() + retry.forMs;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof StreamBusyError) || Date.now() + retry.everyMs > giveUpAt) throw error;
    }
    await sleep(retry.everyMs, undefined, { signal });
  }
}
