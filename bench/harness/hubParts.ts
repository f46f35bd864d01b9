/**
 * The hub's connectors, sample feeds and the city their mappings place records in, for every
 * benchmark: the one place bench/ names the composition root.
 */
import type { MappingContext } from '../../src/sync/stream';
import { DEFAULT_CITY } from '../../src/config/city';
import { createReviewer, type Reviewer } from '../../src/review/reviewer';
import { DEFAULT_REVIEW_RULES } from '../../src/review/rules';

export { CONNECTORS, SAMPLE_FEEDS } from '../../app/components';
export const MAPPING: MappingContext = { city: DEFAULT_CITY };
/** The review a fresh deployment runs: the default rules. */
export const REVIEW: Reviewer = createReviewer(DEFAULT_REVIEW_RULES);
/** A review with no rules finds nothing and passes every row on as it came: the engine without review. */
export const NO_REVIEW: Reviewer = createReviewer([]);
