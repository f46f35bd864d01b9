import type { ConnectorDefinition } from '../src/connectorKit';
import { credit } from './credit';
import { environment } from './environment';
import { ppp } from './ppp';
import { trading } from './trading';

/** Every built-in connector. */
export const CONNECTORS: readonly ConnectorDefinition[] = [credit, trading, ppp, environment];
