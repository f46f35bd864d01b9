import type { IndexedFeed } from '../kit/feed';
import { pppProjectsSample } from './projects';

/** The PPP project library's feed. */
export const pppFeeds: readonly IndexedFeed[] = [pppProjectsSample];
