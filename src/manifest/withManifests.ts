import type { HubComponents } from '../components';
import type { ConnectorDefinition } from '../sync/stream';
import { loadConnectors } from './loadConnectors';

/**
 * The components with their connector manifests loaded — the composition root's manifest
 * directories and HUB_CONNECTORS_DIR — at the first use of `connectors`. A command that runs no
 * connector (`hub migrate`, `hub connectors check`) therefore still runs while a manifest is
 * broken; every other refuses, listing the manifest's problems. The result has no directories
 * left to load, so passing it through again (the CLI's components into startHub) loads nothing twice.
 */
export function withManifests(components: HubComponents, connectorsDir?: string): HubComponents {
  const dirs = [...(components.manifestDirs ?? []), ...(connectorsDir ? [connectorsDir] : [])];
  if (dirs.length === 0) return components;
  let connectors: readonly ConnectorDefinition[] | undefined;
  return {
    ...components,
    manifestDirs: [],
    get connectors() {
      connectors ??= loadConnectors(components.connectors, dirs);
      return connectors;
    },
  };
}
