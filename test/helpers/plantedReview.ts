import type { FeedOptions } from '../../samples/kit/feed';
import { DEFAULT_FEED_OPTIONS } from '../../samples/kit/feedServer';
import { plantedReviewCases, type PlantedReviewCase } from '../../samples/review/planted';

/**
 * The records the samples plant for the review (保密审查, samples/review), for the tests that scan
 * sample data with the plain leak patterns of src/domain/masking.ts. Those patterns know a number
 * by its shape alone, so they report what the review rightly lets through (a look-alike: an
 * 18-digit filing number with a wrong check digit, a contract number shaped like a mobile), and,
 * in what a mapping returns before the review runs, the planted catches the review holds.
 * test/unit/reviewPrecision.test.ts checks both against the review itself.
 */
const cache = new Map<string, PlantedReviewCase[]>();

export function plantedCases(o: Partial<FeedOptions> = {}): PlantedReviewCase[] {
  const options = { ...DEFAULT_FEED_OPTIONS, ...o };
  const id = JSON.stringify(options);
  let cases = cache.get(id);
  if (!cases) cache.set(id, (cases = plantedReviewCases(options)));
  return cases;
}

/** Whether a record (connector/stream and source key) carries a planted catch or look-alike. */
export function isPlanted(stream: string, sourceKey: string, o: Partial<FeedOptions> = {}): boolean {
  return plantedCases(o).some((c) => c.stream === stream && c.sourceKey === sourceKey);
}

/** The planted look-alike numbers: a leak scan's report of one of these is the scan's mistake, not a leak. */
export function plantedLookAlikes(o: Partial<FeedOptions> = {}): Set<string> {
  return new Set(plantedCases(o).filter((c) => c.expect === 'published').map((c) => c.value));
}

/**
 * A leak scan's findings less the planted look-alikes, for scans of what the hub stores and
 * serves: the review holds the planted catches before they are stored, so only the look-alikes,
 * which it rightly publishes, remain for a shape-only scan to misreport.
 */
export function leaksBesideLookAlikes(leaks: readonly string[], o: Partial<FeedOptions> = {}): string[] {
  const lookAlikes = plantedLookAlikes(o);
  return leaks.filter((leak) => !lookAlikes.has(leak));
}

/**
 * The source keys of a stream's records that carry a planted catch: the review holds them, so a
 * sync counts them `held` and stores none of them. A test that expects every valid sample record
 * stored leaves these out.
 */
export function heldKeys(stream: string, o: Partial<FeedOptions> = {}): Set<string> {
  return new Set(plantedCases(o).filter((c) => c.stream === stream && c.expect === 'held').map((c) => c.sourceKey));
}
