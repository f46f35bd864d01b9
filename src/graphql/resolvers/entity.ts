import type { HubContext } from '../context';
import { listDisclosures, type DisclosureListArgs } from '../queries/disclosureList';
import { pageSize } from '../limits';

/** An entity as the API shows it: a stored enterprise, or a flagged code that links to nothing. */
export interface EntityView {
  uscc: string;
  name: string;
  usccValid: boolean;
  usccReason?: string | null;
}

const EMPTY_CREDIT = { penalty_count: 0, penalty_total_fine: 0, latest_penalty_at: null, licence_count: 0, abnormal_count: 0, current_abnormal_id: null, serious_id: null };

interface CreditSummaryView {
  currentAbnormalListingId: number | null;
  seriousViolationListingId: number | null;
}

export const entityResolvers = {
  CreditSummary: {
    currentAbnormalListing: (c: CreditSummaryView, _: unknown, ctx: HubContext) =>
      c.currentAbnormalListingId ? ctx.loaders.disclosure.load(c.currentAbnormalListingId) : null,
    seriousViolationListing: (c: CreditSummaryView, _: unknown, ctx: HubContext) =>
      c.seriousViolationListingId ? ctx.loaders.disclosure.load(c.seriousViolationListingId) : null,
  },
  Entity: {
    creditChinaUrl: (e: EntityView, _: unknown, ctx: HubContext) => (e.usccValid ? ctx.creditChinaUrl(e.uscc) : null),
    disclosures: (e: EntityView, args: DisclosureListArgs, ctx: HubContext) =>
      listDisclosures(ctx.knex, args, (q) => {
        // A valid code lists what is about the entity or names it as a party; a flagged code, only
        // what carries that exact code (it links to nothing else).
        if (!e.usccValid) return void q.where('d.subject_uscc', e.uscc);
        // One id list from two index scans: an OR across the two would make the planner walk the
        // whole publication-time index for entities whose disclosures are old.
        q.whereIn(
          'd.id',
          ctx.knex
            .select('id')
            .from('disclosures')
            .where('entity_uscc', e.uscc)
            .unionAll((u) => u.select('disclosure_id').from('disclosure_parties').where('entity_uscc', e.uscc)),
        );
      }),
    names: async (e: EntityView, _: unknown, ctx: HubContext) => (e.usccValid ? ((await ctx.loaders.profile.names.load(e.uscc)) ?? [e.name]) : [e.name]),
    disclosureCounts: async (e: EntityView, _: unknown, ctx: HubContext) => (e.usccValid ? ((await ctx.loaders.profile.domainCounts.load(e.uscc)) ?? []) : []),
    creditSummary: async (e: EntityView, _: unknown, ctx: HubContext) => {
      const s = (e.usccValid ? await ctx.loaders.profile.creditSummary.load(e.uscc) : undefined) ?? EMPTY_CREDIT;
      return {
        penaltyCount: Number(s.penalty_count),
        penaltyTotalFine: Number(s.penalty_total_fine),
        latestPenaltyAt: s.latest_penalty_at,
        licenceCount: Number(s.licence_count),
        abnormalListingCount: Number(s.abnormal_count),
        seriousViolationListed: Boolean(s.serious_id),
        // The listings themselves load only if asked for (CreditSummary resolvers below).
        currentAbnormalListingId: s.current_abnormal_id ? Number(s.current_abnormal_id) : null,
        seriousViolationListingId: s.serious_id ? Number(s.serious_id) : null,
      };
    },
    tradingAwards: async (e: EntityView, args: { first?: number }, ctx: HubContext) => {
      const awards = (e.usccValid ? await ctx.loaders.profile.tradingAwards.load(e.uscc) : undefined) ?? [];
      return awards.slice(0, pageSize(args.first)).map((a) => ({ ...a, notice: ctx.loaders.disclosure.load(a.noticeId) }));
    },
    pppRoles: async (e: EntityView, _: unknown, ctx: HubContext) => {
      const roles = (e.usccValid ? await ctx.loaders.profile.pppRoles.load(e.uscc) : undefined) ?? [];
      return roles.map((r) => ({ role: r.role, project: ctx.loaders.disclosure.load(r.projectId) }));
    },
    emissionExceedances: (e: EntityView, args: DisclosureListArgs, ctx: HubContext) =>
      listDisclosures(ctx.knex, args, (q) => {
        q.where('d.kind', 'emission-result').whereRaw(`(d.attributes->>'exceeds')::boolean`);
        if (e.usccValid) q.where('d.entity_uscc', e.uscc);
        else q.where('d.subject_uscc', e.uscc);
      }),
  },
};
