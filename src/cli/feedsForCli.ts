import { SAMPLE_FEEDS } from '../../connectors';
import type { HubConfig } from '../config/config';
import { startFeedServer, type RunningFeedServer } from '../feeds/server';
import { feedUrlResolver } from '../hub';

/**
 * One-shot commands read the configured feeds; with none configured they start the bundled sample
 * feed server for the command's duration, exactly as `hub serve` does.
 */
export async function withFeeds<T>(config: HubConfig, work: (feedUrl: (connector: string) => string) => Promise<T>): Promise<T> {
  let sample: RunningFeedServer | undefined;
  if (!config.feedsUrl) sample = await startFeedServer({ feeds: SAMPLE_FEEDS, scale: config.sampleScale });
  try {
    return await work(feedUrlResolver(config, sample?.url));
  } finally {
    await sample?.close();
  }
}
