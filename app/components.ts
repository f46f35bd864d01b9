import { CONNECTOR_MANIFESTS_DIR, CONNECTORS } from '../connectors';
import { sampleFeeds } from '../samples';
import type { HubComponents } from '../src/components';

/**
 * The composition root: the only place that names the built-in connectors and the demo world.
 * The CLI (app/cli.ts), the tests and the benchmarks start the engine with these.
 */
export const HUB_COMPONENTS: HubComponents = { connectors: CONNECTORS, manifestDirs: [CONNECTOR_MANIFESTS_DIR], sampleFeeds };

export { CONNECTORS } from '../connectors';
export { SAMPLE_FEEDS } from '../samples';
