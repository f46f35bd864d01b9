import { adminQuery } from '../../harness/postgres';
import { rowsOf, type Variant, type Workload } from '../workload';

/**
 * A domain's page, as the portal's domain buttons and kind filters show it: 20 disclosures, newest
 * first, with the total that matches. Varied over every domain and every kind the database holds,
 * one per request: the hub's `filter: { domain }` or `{ kind }`, PostGraphile's `condition` on the
 * same column, in the hub's order (published_at DESC, id DESC).
 */
const ROW = 'id title publishedAt';

export const domain: Workload = {
  name: 'domain',
  graphql: {
    hub: `query DomainPage($filter: DisclosureFilter) {
  disclosures(first: 20, filter: $filter) { totalCount edges { node { ${ROW} subject { name } } } }
}`,
    postgraphile: `query DomainPage($condition: DisclosureCondition) {
  allDisclosures(first: 20, condition: $condition, orderBy: [PUBLISHED_AT_DESC, ID_DESC]) { totalCount nodes { ${ROW} entityByEntityUscc { name } } }
}`,
  },
  variants: async ({ databaseUrl, most }) => {
    const rows = await adminQuery<{ column: 'domain' | 'kind'; value: string }>(
      databaseUrl,
      `SELECT 'domain' AS column, domain AS value FROM disclosures GROUP BY domain
       UNION ALL SELECT 'kind', kind FROM disclosures GROUP BY kind
       ORDER BY 1, 2`,
    );
    return rows.slice(0, most).map(({ column, value }): Variant => ({
      label: `${column} ${value}`,
      variables: { hub: { filter: { [column]: value } }, postgraphile: { condition: { [column]: value } } },
    }));
  },
  digest: (target, data) => {
    const connection = target === 'hub' ? data.disclosures : data.allDisclosures;
    const rows = rowsOf(connection);
    return { ids: rows.map((r) => String(r.id)), titles: rows.map((r) => r.title), total: Number(connection.totalCount) };
  },
};
