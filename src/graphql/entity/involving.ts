import type { Knex } from 'knex';
import type { HubContext } from '../context';
import type { DisclosureListArgs } from '../disclosures/list';
import { withCanonicalRegion } from '../shared/region';
import type { EntityView } from './served';

/**
 * What is about the entity or names it as a party; for a flagged code, only what carries that exact
 * code (it links to nothing else).
 */
export function involving(entity: EntityView, knex: Knex) {
  return (q: Knex.QueryBuilder) => {
    if (!entity.usccValid) return void q.where('d.subject_uscc', entity.uscc);
    // One id list from two index scans: an OR across the two would make the planner walk the
    // whole publication-time index for entities whose disclosures are old.
    q.whereIn(
      'd.id',
      knex
        .select('id')
        .from('disclosures')
        .where('entity_uscc', entity.uscc)
        .unionAll((u) => u.select('disclosure_id').from('disclosure_parties').where('entity_uscc', entity.uscc)),
    );
  };
}

/** Entity.disclosures' arguments as the list reads them: a region in the city's vocabulary first. */
export function involvingArgs(args: DisclosureListArgs, ctx: HubContext): DisclosureListArgs {
  return { ...args, filter: withCanonicalRegion(args.filter, ctx.regions) };
}
