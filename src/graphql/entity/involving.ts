import type { Knex } from 'knex';
import { plannedLimit } from '../../db/preparedStatements';
import type { HubContext } from '../context';
import type { DisclosureListArgs } from '../disclosures/list';
import type { ListScope, PageBounds } from '../disclosures/listScope';
import { withCanonicalRegion } from '../shared/region';
import type { EntityView } from './served';

/**
 * What is about the entity or names it as a party; for a flagged code, only what carries that exact
 * code (it links to nothing else).
 */
export function involving(entity: EntityView, knex: Knex): ListScope {
  if (!entity.usccValid) return (q) => void q.where('d.subject_uscc', entity.uscc);
  // One id list from two index scans: an OR across the two would make the planner walk the
  // whole publication-time index for entities whose disclosures are old. The second is a builder,
  // not a callback: a callback hides its clauses from compiledOnce, which would build the text anew.
  const scope: ListScope = (q) =>
    void q.whereIn(
      'd.id',
      knex
        .select('id')
        .from('disclosures')
        .where('entity_uscc', entity.uscc)
        .unionAll(knex.select('disclosure_id').from('disclosure_parties').where('entity_uscc', entity.uscc)),
    );
  scope.pageCandidates = (bounds) =>
    knex.select('newest.id').from(knex.unionAll([newestAbout(knex, entity.uscc, bounds), newestNaming(knex, entity.uscc, bounds)], true).as('newest'));
  return scope;
}

/**
 * The entity's own disclosures that can be on the page: the first rows past the cursor of its
 * range of disclosures_entity (code, published_at, id), filtered as the list is.
 */
function newestAbout(knex: Knex, code: string, bounds: PageBounds): Knex.QueryBuilder {
  const q = bounds.filtered(knex('disclosures as d').where('d.entity_uscc', code));
  return inPageOrder(q, bounds, 'd.published_at', 'd.id').select('d.published_at', 'd.id');
}

/**
 * The disclosures naming the entity as a party that can be on the page, from its range of
 * disclosure_parties_entity_newest; each once, though it may name the entity in several roles.
 * The disclosure's row is joined only when a filter needs its columns.
 */
function newestNaming(knex: Knex, code: string, bounds: PageBounds): Knex.QueryBuilder {
  const q = knex('disclosure_parties as p').where('p.entity_uscc', code);
  if (bounds.filtering) bounds.filtered(q.join('disclosures as d', 'd.id', 'p.disclosure_id'));
  return inPageOrder(q, bounds, 'p.published_at', 'p.disclosure_id').distinct('p.published_at', 'p.disclosure_id as id');
}

/** Past the cursor, in the page's order, as many as the page reads. */
function inPageOrder(q: Knex.QueryBuilder, bounds: PageBounds, time: string, id: string): Knex.QueryBuilder {
  const { after, direction } = bounds;
  if (after) q.whereRaw(`(${time}, ${id}) ${direction === 'asc' ? '>' : '<'} (?::timestamptz, ?)`, [after.publishedAt, after.id]);
  return plannedLimit(q.orderBy([{ column: time, order: direction }, { column: id, order: direction }]), bounds.rows);
}

/** Entity.disclosures' arguments as the list reads them: a region in the city's vocabulary first. */
export function involvingArgs(args: DisclosureListArgs, ctx: HubContext): DisclosureListArgs {
  return { ...args, filter: withCanonicalRegion(args.filter, ctx.regions) };
}
