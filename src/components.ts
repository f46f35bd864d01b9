import type { ConnectorDefinition } from './sync/stream';

/**
 * What a deployment plugs into the engine. The engine names no connector and no sample: the
 * composition root (app/) builds this and hands it to `startHub` and the CLI, so a program that
 * embeds the hub can bring its own connectors, or its own demo world, without touching src/.
 */
export interface HubComponents {
  /** The coded connectors; with the manifests of `manifestDirs` once loaded (withManifests). */
  connectors: readonly ConnectorDefinition[];
  /**
   * Directories of connector manifests (`*.yaml` files, `<folder>/connector.yaml`) loaded beside the coded
   * connectors; HUB_CONNECTORS_DIR adds one. See src/manifest/.
   */
  manifestDirs?: readonly string[];
  /** Served when no feed URL is configured; without it such a hub refuses to start and says why. */
  sampleFeeds?: SampleFeeds;
}

/** Settings of a sample feed server: the same seed and scale serve the same data. */
export interface SampleFeedSettings {
  seed: number;
  /** Records per stream. */
  scale: number;
  /** Share of records that are deliberately malformed (0–1). */
  malformedRate: number;
  /** Edition of the data: a later edition corrects some records, as sources do. */
  edition: number;
}

export interface SampleFeedServeOptions extends Partial<SampleFeedSettings> {
  port?: number;
  host?: string;
  faults?: { errorRate?: number; down?: boolean };
}

export interface RunningSampleFeeds {
  url: string;
  close(): Promise<void>;
}

/** A demo world's feed server, in each source's own format. */
export interface SampleFeeds {
  /** The URL paths it serves, e.g. `/credit/penalties`. */
  readonly paths: readonly string[];
  readonly defaults: SampleFeedSettings;
  start(options: SampleFeedServeOptions): Promise<RunningSampleFeeds>;
}

export class NoFeedsError extends Error {
  override name = 'NoFeedsError';
}

/** The sample feeds, or a clear refusal when a deployment has neither feed URLs nor samples. */
export function requireSampleFeeds(components: HubComponents): SampleFeeds {
  if (!components.sampleFeeds) {
    throw new NoFeedsError('no feed URL is configured and this build has no sample feeds: set HUB_FEEDS_URL (or HUB_FEED_<CONNECTOR>_URL for each connector)');
  }
  return components.sampleFeeds;
}
