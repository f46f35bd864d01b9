import type { GraphQLResolveInfo } from 'graphql';
import type { Knex } from 'knex';
import { prepared } from '../../db/preparedStatements';
import { CREDIT_SUMMARY_COLUMNS, ENTITY_CREDIT_SUMMARIES } from '../../summaries/entityCreditSummaries';
import { ENTITY_DOMAIN_COUNTS } from '../../summaries/entityDomainCounts';
import type { HubContext } from '../context';
import { selectedFieldsAt } from '../shared/selection';
import { creditSummaryOf, domainCountOf } from './profileLoaders';
import { storedEntity, type EntityView } from './served';

/**
 * An enterprise page in one statement: the entity, and — when the query selects them — its counts
 * by domain and its credit summary, both kept at write time (src/summaries). What the statement
 * finds fills the request's loaders, so the fields resolve as they would from the loaders, without
 * a statement of their own. Without those fields it is the entity loader's plain read.
 */
export async function entityWithProfile(ctx: HubContext, code: string, info: GraphQLResolveInfo): Promise<EntityView | null> {
  const selected = selectedFieldsAt(info, []);
  const counts = selected.has('disclosureCounts');
  const credit = selected.has('creditSummary');
  if (!counts && !credit) return ctx.loaders.entities.byCode.load(code);
  const row = await profileStatement(ctx.knex, code, counts, credit);
  if (!row) return null;
  const entity = storedEntity(row);
  const { entities } = ctx.loaders;
  entities.byCode.prime(code, entity);
  if (counts) entities.domainCounts.prime(code, (row.domain_counts as Array<{ domain: string; count: number }>).map(domainCountOf));
  // No summary row: the entity has no credit disclosure, which the resolver shows as an empty record.
  if (credit) entities.creditSummary.prime(code, row.credit_uscc ? creditSummaryOf(creditColumns(row)) : undefined);
  return entity;
}

function profileStatement(knex: Knex, code: string, counts: boolean, credit: boolean) {
  const q = knex('entities as e').where('e.uscc', code).first('e.uscc', 'e.name');
  if (counts) {
    const byDomain = knex(`${ENTITY_DOMAIN_COUNTS} as c`)
      .whereRaw('c.uscc = e.uscc')
      .select(knex.raw(`coalesce(json_agg(json_build_object('domain', c.domain, 'count', c.count) ORDER BY c.count DESC, c.domain), '[]'::json)`));
    q.select(knex.raw('(?) AS domain_counts', [byDomain]));
  }
  if (credit) {
    q.leftJoin(`${ENTITY_CREDIT_SUMMARIES} as cs`, 'cs.uscc', 'e.uscc');
    q.select(CREDIT_SUMMARY_COLUMNS.map((column) => `cs.${column} as credit_${column}`));
  }
  return prepared(q);
}

/** The credit summary's columns, read back from their `credit_` names. */
function creditColumns(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(CREDIT_SUMMARY_COLUMNS.map((column) => [column, row[`credit_${column}`]]));
}
