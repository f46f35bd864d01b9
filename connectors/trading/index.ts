import { connector } from '../../src/sync/stream';
import type { IndexedFeed } from '../../src/feeds/feed';
import { tradingNotices } from './notices/stream';
import { tradingNoticesSample } from './notices/sample';

/**
 * Public resource trading (公共资源交易): the notices of a trading platform, every type in one
 * stream. Notices sharing a project code form one contracting process (src/domain/trading.ts).
 */
export const trading = connector({
  name: 'trading',
  domain: 'TRADING',
  streams: [tradingNotices],
});

export const tradingFeeds: IndexedFeed[] = [tradingNoticesSample];
