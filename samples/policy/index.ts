import type { IndexedFeed } from '../kit/feed';
import { policyDocumentsSample } from './documents';
import { policyInterpretationsSample } from './interpretations';

/** The 政府信息公开平台's policy exports, in the order of the policy connector's streams. */
export const policyFeeds: readonly IndexedFeed[] = [policyDocumentsSample, policyInterpretationsSample];
