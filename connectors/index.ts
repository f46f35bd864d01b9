import type { ConnectorDefinition } from '../src/sync/stream';
import type { IndexedFeed } from '../src/feeds/feed';
import { environment, environmentFeeds } from './environment';
import { trading, tradingFeeds } from './trading';
import { ppp, pppFeeds } from './ppp';
import { credit, creditFeeds } from './credit';

/** Every connector the hub knows, and the sample feeds `hub feeds serve` offers for them. */
export const CONNECTORS: readonly ConnectorDefinition[] = [credit, trading, ppp, environment];
export const SAMPLE_FEEDS: readonly IndexedFeed[] = [...creditFeeds, ...tradingFeeds, ...pppFeeds, ...environmentFeeds];
