import type { Knex } from 'knex';
import { applyFilter, type DisclosureFilter } from './columns';

/** The SQL expression each dimension groups by; never built from user input. */
const GROUP_EXPRESSIONS: Record<string, string> = {
  DOMAIN: 'd.domain',
  KIND: 'd.kind',
  MONTH: `to_char(d.published_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`,
  PUBLISHER: `coalesce(d.publisher, '')`,
  REGION: `coalesce(d.region, '')`,
};

export interface StatsArgs {
  groupBy: string;
  filter?: DisclosureFilter | null;
}

export async function disclosureStats(knex: Knex, args: StatsArgs) {
  const expression = GROUP_EXPRESSIONS[args.groupBy];
  const query = knex('disclosures as d')
    .select(knex.raw(`${expression} AS key`))
    .count({ count: '*' })
    .groupByRaw(expression)
    .orderBy([{ column: 'count', order: 'desc' }, { column: 'key' }]);
  applyFilter(query, args.filter);
  const rows = (await query) as unknown as Array<{ key: string; count: string | number }>;
  return rows.map((r) => ({ key: r.key, count: Number(r.count) }));
}
