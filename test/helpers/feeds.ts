import { SAMPLE_FEEDS } from '../../samples';
import { startFeedServer, type FeedServerOptions, type RunningFeedServer } from '../../samples/kit/feedServer';
import { createHttpClient } from '../../src/sync/http/httpClient';

export function startSampleFeeds(options: Partial<FeedServerOptions> = {}): Promise<RunningFeedServer> {
  return startFeedServer({ feeds: SAMPLE_FEEDS, ...options });
}

/** Retries fast and gives up fast, so fault tests take seconds, not minutes. */
export const fastHttp = (timeoutMs = 2000) => createHttpClient({ timeoutMs, attempts: 4, backoffMs: 20, maxBackoffMs: 200 });

/**
 * Sets the feed server's faults and edition. A PUT of the same settings is idempotent, so it is sent
 * again once if the connection was reset: on a busy machine fetch can reuse a kept-alive socket the
 * server has just closed (its keepAliveTimeout passed while the client's timer was late).
 */
export async function setFaults(feeds: Pick<RunningFeedServer, 'url'>, body: object): Promise<void> {
  const put = () => fetch(`${feeds.url}/_control`, { method: 'PUT', body: JSON.stringify(body) });
  const response = await put().catch((error: Error & { cause?: { code?: string } }) => {
    if (error.cause?.code !== 'ECONNRESET') throw error;
    return put();
  });
  if (!response.ok) throw new Error(`control request failed: ${response.status}`);
}
