import DataLoader from 'dataloader';
import type { Knex } from 'knex';

/**
 * Per-request loaders for the enterprise profile. Each gathers one aspect for every entity in the
 * response in one query, so a page of 100 entities with their profiles costs a handful of queries.
 */
export function createProfileLoaders(knex: Knex) {
  return {
    names: byCode(async (codes) => {
      const rows = await knex('entities').whereIn('uscc', codes).select('uscc', 'names');
      return groupBy(rows, (r) => r.uscc, (r) => [...(r.names as string[])].reverse());
    }),
    domainCounts: byCode(async (codes) => {
      const rows = await knex
        .with('involved', (q) =>
          q
            .select('id', 'entity_uscc as uscc')
            .from('disclosures')
            .whereIn('entity_uscc', codes)
            .union((u) => u.select('disclosure_id', 'entity_uscc').from('disclosure_parties').whereIn('entity_uscc', codes)),
        )
        .select('involved.uscc', 'd.domain')
        .countDistinct({ count: 'd.id' })
        .from('involved')
        .join('disclosures as d', 'd.id', 'involved.id')
        .groupBy('involved.uscc', 'd.domain')
        .orderBy([{ column: 'involved.uscc' }, { column: 'count', order: 'desc' }]);
      return groupRows(rows, (r) => r.uscc, (r) => ({ domain: r.domain, count: Number(r.count) }));
    }),
    creditSummary: byCode(async (codes) => {
      const rows = await knex('disclosures')
        .whereIn('entity_uscc', codes)
        .where('domain', 'CREDIT')
        .groupBy('entity_uscc')
        .select(
          'entity_uscc as uscc',
          knex.raw(`count(*) FILTER (WHERE kind = 'administrative-penalty') AS penalty_count`),
          knex.raw(`coalesce(sum((attributes->>'fine')::numeric) FILTER (WHERE kind = 'administrative-penalty'), 0) AS penalty_total_fine`),
          knex.raw(`max(published_at) FILTER (WHERE kind = 'administrative-penalty') AS latest_penalty_at`),
          knex.raw(`count(*) FILTER (WHERE kind = 'administrative-licence') AS licence_count`),
          knex.raw(`count(*) FILTER (WHERE kind = 'abnormal-operation') AS abnormal_count`),
          knex.raw(`max(id) FILTER (WHERE kind = 'abnormal-operation' AND status = 'listed') AS current_abnormal_id`),
          knex.raw(`max(id) FILTER (WHERE kind = 'serious-violation' AND status = 'listed') AS serious_id`),
        );
      return new Map(rows.map((r: any) => [r.uscc, r]));
    }),
    tradingAwards: byCode(async (codes) => {
      const rows = await knex('disclosure_parties as p')
        .join('disclosures as d', 'd.id', 'p.disclosure_id')
        .whereIn('p.entity_uscc', codes)
        .where({ 'p.role': 'supplier', 'd.kind': 'trading-notice' })
        .whereRaw(`d.attributes->'noticeType'->>'type' = 'award'`)
        .orderBy([{ column: 'p.entity_uscc' }, { column: 'd.published_at', order: 'desc' }])
        .distinct('p.entity_uscc as uscc', 'd.id', 'd.published_at', 'd.attributes');
      return groupRows(rows, (r) => r.uscc, (r) => ({
        projectCode: r.attributes.projectCode ?? null,
        projectName: r.attributes.projectName ?? null,
        amount: awardAmount(r.attributes, r.uscc),
        awardedAt: r.published_at,
        noticeId: Number(r.id),
      }));
    }),
    pppRoles: byCode(async (codes) => {
      const rows = await knex('disclosure_parties as p')
        .join('disclosures as d', 'd.id', 'p.disclosure_id')
        .whereIn('p.entity_uscc', codes)
        .where('d.kind', 'ppp-project')
        .orderBy([{ column: 'p.entity_uscc' }, { column: 'd.published_at', order: 'desc' }])
        .select('p.entity_uscc as uscc', 'p.role', 'd.id');
      return groupRows(rows, (r) => r.uscc, (r) => ({ role: r.role, projectId: Number(r.id) }));
    }),
  };
}

export type ProfileLoaders = ReturnType<typeof createProfileLoaders>;

function byCode<V>(load: (codes: string[]) => Promise<Map<string, V>>): DataLoader<string, V | undefined> {
  return new DataLoader(async (codes) => {
    const found = await load([...codes]);
    return codes.map((code) => found.get(code));
  });
}

function groupRows<R, V>(rows: R[], key: (r: R) => string, value: (r: R) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), value(row)]);
  return groups;
}

function groupBy<R, V>(rows: R[], key: (r: R) => string, value: (r: R) => V): Map<string, V> {
  return new Map(rows.map((r) => [key(r), value(r)]));
}

/** The value of the award this supplier won, from the notice's OCDS-shaped awards. */
function awardAmount(attributes: any, uscc: string): number | null {
  const awards: any[] = attributes.awards ?? [];
  const mine = awards.find((a) => (a.suppliers ?? []).some((s: any) => String(s.id ?? '').endsWith(uscc))) ?? awards[0];
  return mine?.value?.amountWan ?? null;
}
