import type { ConnectorDefinition } from '../src/sync/stream';
import type { IndexedFeed } from '../src/feeds/feed';
import { environment, environmentFeeds } from './environment';
import { trading, tradingFeeds } from './trading';
import { ppp, pppFeeds } from './ppp';

/** Every connector the hub knows, and the sample feeds `hub feeds serve` offers for them. */
export const CONNECTORS: readonly ConnectorDefinition[] = [environment, trading, ppp];
export const SAMPLE_FEEDS: readonly IndexedFeed[] = [...environmentFeeds, ...tradingFeeds, ...pppFeeds];
