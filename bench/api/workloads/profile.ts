import { adminQuery } from '../../harness/postgres';
import { rowsOf, type Workload } from '../workload';

/**
 * The enterprise page, for a different enterprise on each request: the enterprises with the most
 * disclosures, busiest first. PostGraphile has no computed profile: per-domain counts and the
 * credit summary (penalties, their fines) have no counterpart without custom SQL functions or
 * plugins, so its query counts the entity's disclosures (totalCount) and its penalties (a second,
 * filtered connection's totalCount) instead, and lists the 10 latest through the foreign key only
 * (the hub also lists disclosures that name the entity as a party, through disclosure_parties).
 */
export const profile: Workload = {
  name: 'profile',
  graphql: {
    hub: `query EntityProfile($uscc: String!) {
  entity(uscc: $uscc) {
    name
    disclosureCounts { domain count }
    creditSummary { penaltyCount penaltyTotalFine }
    disclosures(first: 10) { edges { node { id title } } }
  }
}`,
    postgraphile: `query EntityProfile($uscc: String!) {
  entityByUscc(uscc: $uscc) {
    name
    disclosuresByEntityUscc(first: 10, orderBy: [PUBLISHED_AT_DESC, ID_DESC]) { totalCount nodes { id title } }
    penalties: disclosuresByEntityUscc(condition: { domain: "CREDIT", kind: "administrative-penalty" }) { totalCount }
  }
}`,
  },
  variants: async ({ databaseUrl, most }) => {
    const busiest = await adminQuery<{ uscc: string }>(
      databaseUrl,
      `SELECT d.entity_uscc AS uscc FROM disclosures d JOIN entities e ON e.uscc = d.entity_uscc
       GROUP BY d.entity_uscc ORDER BY count(*) DESC, d.entity_uscc LIMIT ${most}`,
    );
    if (!busiest.length) return { skipped: 'no disclosure links to an entity: no enterprise page to show' };
    return busiest.map(({ uscc }) => ({ label: `uscc ${uscc}`, variables: { hub: { uscc }, postgraphile: { uscc } } }));
  },
  digest: (target, data) => {
    const e = target === 'hub' ? data.entity : data.entityByUscc;
    if (!e) throw new Error(`${target} found no entity for the profile query`);
    if (target === 'hub') {
      const rows = rowsOf(e.disclosures);
      const total = (e.disclosureCounts as Array<{ count: number }>).reduce((sum, c) => sum + c.count, 0);
      return { ids: rows.map((r) => String(r.id)), titles: rows.map((r) => r.title), names: [e.name], total, penalties: e.creditSummary.penaltyCount };
    }
    const rows = rowsOf(e.disclosuresByEntityUscc);
    return {
      ids: rows.map((r) => String(r.id)),
      titles: rows.map((r) => r.title),
      names: [e.name],
      total: Number(e.disclosuresByEntityUscc.totalCount),
      penalties: Number(e.penalties.totalCount),
    };
  },
  caveat:
    "PostGraphile has no computed profile, so it counts the entity's disclosures and penalties (two totalCounts) where the hub " +
    'groups counts by domain and sums penalty fines, and it lists disclosures through the foreign key only (the hub also through ' +
    'disclosure_parties): rows and totals may differ for an enterprise named as a party.',
};
