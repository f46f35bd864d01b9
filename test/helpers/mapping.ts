import { DEFAULT_CITY } from '../../src/config/city';
import type { MappingContext } from '../../src/sync/stream';
import { createReviewer, type Reviewer } from '../../src/review/reviewer';
import { DEFAULT_REVIEW_RULES } from '../../src/review/rules';

/** What the engine tells every mapping in these tests: the default city, as a fresh deployment has. */
export const MAPPING: MappingContext = { city: DEFAULT_CITY };

/** The review a fresh deployment runs: the default rules, no HUB_REVIEW_RULES file. */
export const REVIEW: Reviewer = createReviewer(DEFAULT_REVIEW_RULES);
