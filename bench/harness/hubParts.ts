/**
 * The hub's connectors, sample feeds and the city their mappings place records in, for every
 * benchmark: the one place bench/ names the composition root.
 */
import type { MappingContext } from '../../src/sync/stream';
import { DEFAULT_CITY } from '../../src/config/city';
import { createReviewer, type Reviewer } from '../../src/review/reviewer';
import { DEFAULT_REVIEW_RULES } from '../../src/review/rules';

import { HUB_COMPONENTS } from '../../app/components';
import { withManifests } from '../../src/manifest/withManifests';

export { CONNECTORS, SAMPLE_FEEDS } from '../../app/components';
/**
 * Every connector a deployed hub runs: the coded ones (CONNECTORS) and the built-in manifests,
 * loaded when asked for, so a benchmark child that runs one coded stream measures no more than before.
 */
export const everyConnector = () => withManifests(HUB_COMPONENTS).connectors;
export const MAPPING: MappingContext = { city: DEFAULT_CITY };
/** The review a fresh deployment runs: the default rules. */
export const REVIEW: Reviewer = createReviewer(DEFAULT_REVIEW_RULES);
/** A review with no rules finds nothing and passes every row on as it came: the engine without review. */
export const NO_REVIEW: Reviewer = createReviewer([]);
