import type { IndexedFeed } from '../kit/feed';
import { tradingNoticesSample } from './notices';

/** The public resource trading platform's notice feed. */
export const tradingFeeds: readonly IndexedFeed[] = [tradingNoticesSample];
