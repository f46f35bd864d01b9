import type { ConnectorDefinition } from '../src/connectorKit';
import { credit } from './credit';
import { environment } from './environment';
import { ppp } from './ppp';
import { trading } from './trading';

/**
 * Where the built-in connector manifests live: each folder here with a `connector.yaml` is a
 * connector declared without code (docs/manifests.md), loaded beside the coded ones below.
 */
export const CONNECTOR_MANIFESTS_DIR = __dirname;

/** Every built-in coded connector. */
export const CONNECTORS: readonly ConnectorDefinition[] = [credit, trading, ppp, environment];
