import type { Knex } from 'knex';
import { CREDIT, POLICY, TRADING, type LicenceAttributes } from '../domain/contract';
import { attributeText } from './attributePath';
import { ReportInputError } from './reportScope';

const AUTHORITY = attributeText<Pick<LicenceAttributes, 'authority'>>('authority', 'name');

/**
 * Every name a department goes by in the records the report counts: the deciding authority of a
 * licence or penalty, the buyer of a procurement, the publisher of a policy document.
 */
function departmentNames(knex: Knex): Knex.QueryBuilder {
  const deciders = knex('disclosures as d').select(knex.raw(`${AUTHORITY} AS name`)).whereIn('d.kind', [CREDIT.kinds.licence, CREDIT.kinds.penalty]);
  const buyers = knex('disclosure_parties as p')
    .join('disclosures as d', 'd.id', 'p.disclosure_id')
    .select('p.name')
    .where('d.kind', TRADING.kinds.notice)
    .where('p.role', TRADING.roles.buyer);
  const publishers = knex('disclosures as d').select('d.publisher as name').where('d.kind', POLICY.kinds.document);
  return knex.from(deciders.union(buyers).union(publishers).as('n')).whereNotNull('n.name');
}

/**
 * A department no record names would give a table of zeros that looks like a year without
 * decisions: refused instead, with the names that come close, so that a short or mistyped name
 * (市市场监管局 for 大庆市市场监督管理局) is put right rather than reported.
 */
export async function requireKnownDepartment(knex: Knex, department: string): Promise<void> {
  const known = await departmentNames(knex).where('n.name', department).first('n.name');
  if (known) return;
  const close = await closeNames(knex, department);
  const hint = close.length ? `names that come close: ${close.join(', ')}` : 'no name comes close; leave the department out to count every department\'s records together';
  throw new ReportInputError(
    `department "${department}" decided no licence or penalty, bought nothing and published no policy document the hub holds: give its full name as the records write it; ${hint}`,
  );
}

/** Names containing the given one, or its last three characters (财政局, 管理局): up to eight, shortest (closest) first. */
async function closeNames(knex: Knex, department: string): Promise<string[]> {
  for (const part of [department, department.slice(-3)]) {
    const rows = (await departmentNames(knex)
      .where('n.name', 'like', `%${part.replace(/[\\%_]/g, '\\$&')}%`)
      .groupBy('n.name')
      .select('n.name')
      .orderByRaw('length(n.name), n.name')
      .limit(8)) as Array<{ name: string }>;
    if (rows.length) return rows.map((r) => r.name);
  }
  return [];
}
