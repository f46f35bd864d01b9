import { ENVIRONMENT } from '../../domain/contract';
import type DataLoader from 'dataloader';
import type { Knex } from 'knex';
import { normalizeUscc } from '../../domain/uscc';
import type { GraphQLResolveInfo } from 'graphql';
import type { HubContext } from '../context';
import { rowReadOf } from '../disclosures/rowRead';
import { involving, involvingArgs } from './involving';
import { countsReadWith, creditReadWith, entityWithProfile, pageReadWith } from './profileRead';
import { withCanonicalRegion } from '../shared/region';
import { listDisclosures, type DisclosureListArgs, type PageArgs } from '../disclosures/list';
import { pageSize } from '../shared/pageSize';
import { listEntities, type EntityListArgs } from './list';
import { NO_CREDIT_RECORD, type CreditSummaryView, type PppRoleView, type TradingAwardView } from './profileLoaders';
import { flaggedEntity, type EntityView } from './served';

/** One aspect of an entity's profile; a flagged code links to nothing, so it has none of any. */
async function aspect<V>(entity: EntityView, loader: DataLoader<string, V | undefined, unknown>, none: V): Promise<V> {
  return (entity.usccValid ? await loader.load(entity.uscc) : undefined) ?? none;
}

/** A code no stored entity has: flagged on the disclosures that carry it, when any does. */
async function flaggedCode(knex: Knex, code: string): Promise<EntityView | null> {
  const row = await knex('disclosures').where({ subject_uscc: code }).first('subject_name', 'subject_uscc_reason');
  return row ? flaggedEntity(code, row.subject_name, row.subject_uscc_reason) : null;
}

/** The entity's self-monitoring results over their limit. */
function exceedancesOf(entity: EntityView) {
  return (q: Knex.QueryBuilder) => {
    q.where('d.kind', ENVIRONMENT.kinds.emission).whereRaw(`(d.attributes->>'exceeds')::boolean`);
    if (entity.usccValid) q.where('d.entity_uscc', entity.uscc);
    else q.where('d.subject_uscc', entity.uscc);
  };
}

const disclosureById = (ctx: HubContext, id: number | null) => (id ? ctx.loaders.disclosures.byId.load(id) : null);

/** Enterprises and their profile: what a portal's enterprise page and a partner's deep link show. */
export const entityResolvers = {
  Query: {
    entity: async (_: unknown, { uscc }: { uscc: string }, ctx: HubContext, info: GraphQLResolveInfo): Promise<EntityView | null> => {
      const code = normalizeUscc(uscc);
      // Codes that fail their check are kept on the disclosures that carry them.
      return (await entityWithProfile(ctx, code, info)) ?? flaggedCode(ctx.knex, code);
    },
    entities: (_: unknown, args: EntityListArgs, ctx: HubContext) => listEntities(ctx.knex, args),
  },
  Entity: {
    creditChinaUrl: (e: EntityView, _: unknown, ctx: HubContext) => (e.usccValid ? ctx.creditChinaUrl(e.uscc) : null),
    disclosures: (e: EntityView, args: DisclosureListArgs, ctx: HubContext, info: GraphQLResolveInfo) =>
      pageReadWith(e, info) ?? listDisclosures(ctx.knex, involvingArgs(args, ctx), involving(e, ctx.knex), rowReadOf(info, ctx.loaders.entities.byCode)),
    names: (e: EntityView, _: unknown, ctx: HubContext) => aspect(e, ctx.loaders.entities.names, [e.name]),
    disclosureCounts: (e: EntityView, _: unknown, ctx: HubContext) => countsReadWith(e) ?? aspect(e, ctx.loaders.entities.domainCounts, []),
    creditSummary: (e: EntityView, _: unknown, ctx: HubContext) => creditReadWith(e) ?? aspect(e, ctx.loaders.entities.creditSummary, NO_CREDIT_RECORD),
    tradingAwards: async (e: EntityView, args: { first?: number | null }, ctx: HubContext) =>
      (await aspect(e, ctx.loaders.entities.tradingAwards, [])).slice(0, pageSize(args.first)),
    pppRoles: (e: EntityView, _: unknown, ctx: HubContext) => aspect(e, ctx.loaders.entities.pppRoles, []),
    emissionExceedances: (e: EntityView, args: PageArgs, ctx: HubContext, info: GraphQLResolveInfo) =>
      listDisclosures(ctx.knex, args, exceedancesOf(e), rowReadOf(info, ctx.loaders.entities.byCode)),
  },
  // The disclosures a profile points to load only if the client asks for them.
  CreditSummary: {
    currentAbnormalListing: (c: CreditSummaryView, _: unknown, ctx: HubContext) => disclosureById(ctx, c.currentAbnormalListingId),
    seriousViolationListing: (c: CreditSummaryView, _: unknown, ctx: HubContext) => disclosureById(ctx, c.seriousViolationListingId),
  },
  TradingAward: { notice: (a: TradingAwardView, _: unknown, ctx: HubContext) => disclosureById(ctx, a.noticeId) },
  PppRole: { project: (r: PppRoleView, _: unknown, ctx: HubContext) => disclosureById(ctx, r.projectId) },
};
