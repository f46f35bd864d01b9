import type { Knex } from 'knex';
import { withinScope, type Scope } from './scope';

/**
 * How many disclosures of each domain involve an enterprise, as its subject or as a party (each
 * disclosure once), one row per (uscc, domain): the profile's disclosureCounts. Kept by the writes
 * that change the disclosures involving it (refresh.ts).
 */
export const ENTITY_DOMAIN_COUNTS = 'entity_domain_counts';

/** The counts of the entities in scope, computed from the disclosures as they are now. */
export function countedDomains(knex: Knex | Knex.Transaction, codes: Scope): Knex.QueryBuilder {
  return knex
    .with('involved', (q) =>
      q
        .select('id', 'entity_uscc as uscc')
        .from('disclosures')
        .modify(withinScope, 'entity_uscc', codes)
        .union((u) => u.select('disclosure_id', 'entity_uscc').from('disclosure_parties').modify(withinScope, 'entity_uscc', codes)),
    )
    .select('involved.uscc', 'd.domain')
    .countDistinct({ count: 'd.id' })
    .from('involved')
    .join('disclosures as d', 'd.id', 'involved.id')
    .groupBy('involved.uscc', 'd.domain');
}

/** Recomputes the counts of some entities: their rows go, and the counts as they are now take their place. */
export async function refreshEntityDomainCounts(trx: Knex.Transaction | Knex, codes: Scope): Promise<void> {
  if (codes !== 'all' && codes.length === 0) return;
  await trx(ENTITY_DOMAIN_COUNTS).modify(withinScope, 'uscc', codes).delete();
  await trx.raw('INSERT INTO ?? (uscc, domain, count) ?', [ENTITY_DOMAIN_COUNTS, countedDomains(trx, codes)]);
}
