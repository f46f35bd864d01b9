import type { IndexedFeed } from '../kit/feed';
import { inspectionItemsSample } from './items';
import { inspectionResultsSample } from './results';
import { inspectionSubjectsSample } from './subjects';

/** The 双随机一公开 platform's feeds, in the order of the supervision connector's streams. */
export const supervisionFeeds: readonly IndexedFeed[] = [inspectionItemsSample, inspectionSubjectsSample, inspectionResultsSample];
