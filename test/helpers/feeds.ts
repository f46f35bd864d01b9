import { SAMPLE_FEEDS } from '../../samples';
import { startFeedServer, type FeedServerOptions, type RunningFeedServer } from '../../samples/kit/feedServer';
import { createHttpClient } from '../../src/sync/http/httpClient';

export function startSampleFeeds(options: Partial<FeedServerOptions> = {}): Promise<RunningFeedServer> {
  return startFeedServer({ feeds: SAMPLE_FEEDS, ...options });
}

/** Retries fast and gives up fast, so fault tests take seconds, not minutes. */
export const fastHttp = (timeoutMs = 2000) => createHttpClient({ timeoutMs, attempts: 4, backoffMs: 20, maxBackoffMs: 200 });

export async function setFaults(feeds: Pick<RunningFeedServer, 'url'>, body: object): Promise<void> {
  const response = await fetch(`${feeds.url}/_control`, { method: 'PUT', body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`control request failed: ${response.status}`);
}
