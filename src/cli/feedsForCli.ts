import { requireSampleFeeds, type HubComponents, type RunningSampleFeeds } from '../components';
import type { HubConfig } from '../config/config';
import { feedUrlResolver } from '../hub';

/**
 * One-shot commands read the configured feeds; with none configured they start the bundled sample
 * feed server for the command's duration, exactly as `hub serve` does.
 */
export async function withFeeds<T>(
  config: HubConfig,
  components: HubComponents,
  work: (feedUrl: (connector: string) => string) => Promise<T>,
): Promise<T> {
  let sample: RunningSampleFeeds | undefined;
  if (!config.feedsUrl) sample = await requireSampleFeeds(components).start({ scale: config.sampleScale });
  try {
    return await work(feedUrlResolver(config, sample?.url));
  } finally {
    await sample?.close();
  }
}
