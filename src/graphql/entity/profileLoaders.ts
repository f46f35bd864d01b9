import { PPP, TRADING } from '../../domain/contract';
import type { Knex } from 'knex';
import { ENTITY_CREDIT_SUMMARIES } from '../../summaries/entityCreditSummaries';
import { ENTITY_DOMAIN_COUNTS } from '../../summaries/entityDomainCounts';
import { NOTICE_TYPE_SQL } from '../../summaries/stageSql';
import { groupRows, mapLoader } from '../shared/mapLoader';

/** An enterprise's credit record at a glance, as CreditSummary serves it. */
export interface CreditSummaryView {
  penaltyCount: number;
  penaltyTotalFine: number;
  latestPenaltyAt: Date | null;
  licenceCount: number;
  abnormalListingCount: number;
  seriousViolationListed: boolean;
  /** Not fields: the listings load only if asked for (entity/resolvers.ts). */
  currentAbnormalListingId: number | null;
  seriousViolationListingId: number | null;
}

export const NO_CREDIT_RECORD: CreditSummaryView = {
  penaltyCount: 0,
  penaltyTotalFine: 0,
  latestPenaltyAt: null,
  licenceCount: 0,
  abnormalListingCount: 0,
  seriousViolationListed: false,
  currentAbnormalListingId: null,
  seriousViolationListingId: null,
};

/** A contract the enterprise won, as TradingAward serves it; `noticeId` is what `notice` loads. */
export interface TradingAwardView {
  projectCode: string | null;
  projectName: string | null;
  amount: number | null;
  awardedAt: Date;
  noticeId: number;
}

/** The enterprise's part in a PPP project; `projectId` is what `project` loads. */
export interface PppRoleView {
  role: string;
  projectId: number;
}

/**
 * Per-request loaders for the enterprise profile. Each gathers one aspect for every entity in the
 * response in one query, so a page of 100 entities with their profiles costs a handful of queries.
 * A code with no rows gets `undefined`: the resolver knows what "none" looks like for its entity.
 */
export function createProfileLoaders(knex: Knex) {
  return {
    names: byCode(async (codes) => {
      const rows = await knex('entities').whereIn('uscc', codes).select('uscc', 'names');
      return new Map(rows.map((r: any) => [r.uscc, [...(r.names as string[])].reverse()]));
    }),
    // Both are kept at write time (src/summaries): a profile reads one row, not every disclosure.
    domainCounts: byCode(async (codes) => {
      const rows = await knex(ENTITY_DOMAIN_COUNTS)
        .whereIn('uscc', codes)
        .select('uscc', 'domain', 'count')
        .orderBy([{ column: 'uscc' }, { column: 'count', order: 'desc' }, { column: 'domain' }]);
      return groupRows(rows, (r: any) => r.uscc, domainCountOf);
    }),
    creditSummary: byCode(async (codes) => {
      const rows = await knex(ENTITY_CREDIT_SUMMARIES).whereIn('uscc', codes).select('*');
      return new Map(rows.map((r: any) => [r.uscc, creditSummaryOf(r)]));
    }),
    tradingAwards: byCode(async (codes) => {
      const rows = await knex('disclosure_parties as p')
        .join('disclosures as d', 'd.id', 'p.disclosure_id')
        .whereIn('p.entity_uscc', codes)
        .where({ 'p.role': TRADING.roles.supplier, 'd.kind': TRADING.kinds.notice })
        .whereRaw(`${NOTICE_TYPE_SQL} = 'award'`)
        .orderBy([{ column: 'p.entity_uscc' }, { column: 'd.published_at', order: 'desc' }])
        // The three attributes an award shows, not the whole notice (its tender, tenderers, contact…).
        .distinct('p.entity_uscc as uscc', 'd.id', 'd.published_at', knex.raw(`d.attributes->>'projectCode' AS project_code, d.attributes->>'projectName' AS project_name, d.attributes->'awards' AS awards`));
      return groupRows(rows, (r: any) => r.uscc, (r: any): TradingAwardView => ({
        projectCode: r.project_code ?? null,
        projectName: r.project_name ?? null,
        amount: awardAmount(r.awards, r.uscc),
        awardedAt: r.published_at,
        noticeId: Number(r.id),
      }));
    }),
    pppRoles: byCode(async (codes) => {
      const rows = await knex('disclosure_parties as p')
        .join('disclosures as d', 'd.id', 'p.disclosure_id')
        .whereIn('p.entity_uscc', codes)
        .where('d.kind', PPP.kinds.project)
        .orderBy([{ column: 'p.entity_uscc' }, { column: 'd.published_at', order: 'desc' }])
        .select('p.entity_uscc as uscc', 'p.role', 'd.id');
      return groupRows(rows, (r: any) => r.uscc, (r: any): PppRoleView => ({ role: r.role, projectId: Number(r.id) }));
    }),
  };
}

function byCode<V>(batch: (codes: string[]) => Promise<Map<unknown, V>>) {
  return mapLoader<string, V | undefined>(batch, undefined);
}

/** An entity's disclosures in one domain, as DomainCount serves it. */
export interface DomainCountView {
  domain: string;
  count: number;
}

/** A row of entity_domain_counts as DomainCount serves it. */
export function domainCountOf(row: { domain: string; count: number | string }): DomainCountView {
  return { domain: row.domain, count: Number(row.count) };
}

/** A row of entity_credit_summaries as CreditSummary serves it. */
export function creditSummaryOf(row: any): CreditSummaryView {
  return {
    penaltyCount: Number(row.penalty_count),
    penaltyTotalFine: Number(row.penalty_total_fine),
    latestPenaltyAt: row.latest_penalty_at,
    licenceCount: Number(row.licence_count),
    abnormalListingCount: Number(row.abnormal_count),
    seriousViolationListed: Boolean(row.serious_id),
    currentAbnormalListingId: row.current_abnormal_id ? Number(row.current_abnormal_id) : null,
    seriousViolationListingId: row.serious_id ? Number(row.serious_id) : null,
  };
}

/** The value of the award this supplier won, from the notice's OCDS-shaped awards. */
function awardAmount(noticeAwards: any[] | null, uscc: string): number | null {
  const awards: any[] = noticeAwards ?? [];
  const mine = awards.find((a) => (a.suppliers ?? []).some((s: any) => String(s.id ?? '').endsWith(uscc))) ?? awards[0];
  return mine?.value?.amountWan ?? null;
}
