import type { FeedOptions } from '../kit/feed';
import { hash32 } from '../kit/random';

/**
 * Which sample records carry something for the secrecy and privacy review (保密审查) to catch, and
 * which carry a look-alike it must let through: about one record in a hundred of the credit
 * penalty, trading and PPP feeds is planted with a catch, and about one in three hundred with a
 * look-alike. Like the malformed share, the choice is arithmetic on (seed, feed, key), so any page
 * is generated without the ones before it and `plantedReviewCases` lists the same records the
 * feeds serve. (The trading platform plants by project instead, in the notices a kind of case fits:
 * trading/reviewPlants.ts.)
 */

/** What a record is planted with, which the review must hold. */
export const CATCH_KINDS = ['classification-mark', 'commercial-secret', 'id-number', 'bank-card', 'passport', 'home-address'] as const;
export type CatchKind = (typeof CATCH_KINDS)[number];

/** What has the shape of something personal but fails its check: the review must publish it untouched. */
export const LOOK_ALIKE_KINDS = ['id-wrong-check-digit', 'id-impossible-birth-date', 'card-failing-luhn', 'contract-number-like-mobile'] as const;
export type LookAlikeKind = (typeof LOOK_ALIKE_KINDS)[number];

export type Plant = { expect: 'held'; kind: CatchKind } | { expect: 'published'; kind: LookAlikeKind };

/** A record's plant and the span of its text the review must find (a catch) or leave alone (a look-alike). */
export interface PlantedCase {
  plant: Plant;
  value: string;
}

/** One record in CATCH_EVERY carries a catch, one in LOOK_ALIKE_EVERY a look-alike. */
export const CATCH_EVERY = 100;
export const LOOK_ALIKE_EVERY = 300;

/**
 * The plant of record `key` of a feed (its index, or the project or entry behind it where records
 * move in the feed between editions), cycling through the kinds the feed can carry so that every
 * kind turns up in the first few hundred records. The two spacings never meet: catches fall on
 * n ≡ 0 (mod 100), look-alikes on n ≡ 150 (mod 300).
 */
export function plantAt(path: string, key: number, o: Pick<FeedOptions, 'seed'>, catches: readonly CatchKind[], lookAlikes: readonly LookAlikeKind[]): Plant | undefined {
  const n = key + plantOffset(path, o.seed);
  if (catches.length > 0 && n % CATCH_EVERY === 0) return { expect: 'held', kind: catches[(n / CATCH_EVERY) % catches.length] };
  if (lookAlikes.length > 0 && n % LOOK_ALIKE_EVERY === LOOK_ALIKE_EVERY / 2) {
    return { expect: 'published', kind: lookAlikes[Math.floor(n / LOOK_ALIKE_EVERY) % lookAlikes.length] };
  }
  return undefined;
}

/**
 * Where a feed's plants start. At the default malformed rate (one in fifty, `isMalformed`, on
 * key + seed ≡ 49 mod 50) a planted record would be quarantined before the review saw it, so the
 * offset steps past that residue; plantedReviewCases leaves out the rare collision at other rates.
 */
function plantOffset(path: string, seed: number): number {
  const offset = hash32(seed, path, 'review') % CATCH_EVERY;
  const collides = (((offset - seed - 1) % 50) + 50) % 50 === 0;
  return collides ? offset + 1 : offset;
}
