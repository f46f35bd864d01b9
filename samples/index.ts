import type { SampleFeeds } from '../src/connectorKit';
import type { IndexedFeed } from './kit/feed';
import { DEFAULT_FEED_OPTIONS, startFeedServer } from './kit/feedServer';
import { creditFeeds } from './credit';
import { environmentFeeds } from './environment';
import { fiscalFeeds } from './fiscal';
import { policyFeeds } from './policy';
import { pppFeeds } from './ppp';
import { powersFeeds } from './powers';
import { supervisionFeeds } from './supervision';
import { tradingFeeds } from './trading';

/**
 * The demo world's feeds: one generator per built-in stream, each in its source's own format, at
 * the path the stream reads. `hub feeds serve`, and a hub started without HUB_FEEDS_URL, serve these.
 */
export const SAMPLE_FEEDS: readonly IndexedFeed[] = [
  ...creditFeeds,
  ...tradingFeeds,
  ...pppFeeds,
  ...environmentFeeds,
  ...policyFeeds,
  ...supervisionFeeds,
  ...fiscalFeeds,
  ...powersFeeds,
];

/**
 * The demo world as the engine sees it (src/components.ts): started by the composition root's hub
 * and by `hub feeds serve`. It is served as of the moment it starts, so the live feeds (air quality,
 * forecasts, warnings, water, emissions) end then rather than on their calendar's first days;
 * tests that need one fixed calendar start the feed server themselves.
 */
export const sampleFeeds: SampleFeeds = {
  paths: SAMPLE_FEEDS.map((feed) => feed.path),
  defaults: DEFAULT_FEED_OPTIONS,
  start: (options) => startFeedServer({ feeds: SAMPLE_FEEDS, asOf: Date.now(), ...options }),
};
