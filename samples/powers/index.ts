import type { IndexedFeed } from '../kit/feed';
import { dutyListSample } from './dutyList';
import { powerListSample } from './powerList';

/** The 权责清单 system's feeds, in the order of the powers connector's streams. */
export const powersFeeds: readonly IndexedFeed[] = [powerListSample, dutyListSample];
