import type { Logger } from 'pino';
import type { StreamHttpRetry } from '../sync/engine';
import type { HubMetrics } from './metrics';

/**
 * What a running hub does with each retry of a feed request: a warning in the log (a flaky
 * endpoint shows up there long before a run fails) and a count on /metrics to alert on. The HTTP
 * client itself only calls back, so it knows nothing of the server.
 */
export function syncRetryReporter(logger: Logger, metrics: HubMetrics): (retry: StreamHttpRetry) => void {
  return (retry) => {
    metrics.syncHttpRetried(retry);
    const path = pathOf(retry.url);
    logger.warn(
      { stream: retry.stream, path, attempt: retry.attempt, reason: retry.reason, backoffMs: retry.delayMs },
      `${retry.stream}: GET ${path} failed on attempt ${retry.attempt} (${retry.reason}); retrying in ${retry.delayMs} ms`,
    );
  };
}

/**
 * The URL's path: which feed endpoint, without the host, and without the query string, where
 * some feeds take their access keys.
 */
function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '(not a URL)';
  }
}
