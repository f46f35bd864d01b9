import type { IndexedFeed } from '../kit/feed';
import { abnormalOperationsSample } from './abnormalOperations';
import { licencesSample } from './licences';
import { penaltiesSample } from './penalties';
import { penalties2016Sample } from './penalties2016';
import { seriousViolationsSample } from './seriousViolations';

/** The credit platform's feeds, in the order of the credit connector's streams. */
export const creditFeeds: readonly IndexedFeed[] = [licencesSample, penaltiesSample, penalties2016Sample, abnormalOperationsSample, seriousViolationsSample];
