import type { Knex } from 'knex';
import { POLICY, POLICY_DOCUMENT_TYPES, statusesInState, type PolicyDocumentAttributes } from '../domain/contract';
import { attributeText } from './attributePath';
import type { FigureKey } from './annualLayout';
import type { FigureNotes } from './figureNotes';
import { yearDays, type ReportScope } from './reportScope';

const TYPE = attributeText<PolicyDocumentAttributes>('documentType');
const SIGNED = attributeText<PolicyDocumentAttributes>('signedOn');
const ABOLISHED = attributeText<PolicyDocumentAttributes>('abolishedOn');
/** 制发: the 成文日期; a document published without one was made when it was published. */
const MADE = `coalesce(${SIGNED}, to_char(d.published_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'))`;

type PolicyFigure = Extract<FigureKey, `regulations${string}` | `normative${string}`>;

const KEYS: Record<string, { made: PolicyFigure; abolished: PolicyFigure; inForce: PolicyFigure }> = {
  [POLICY_DOCUMENT_TYPES.regulation]: { made: 'regulationsMade', abolished: 'regulationsAbolished', inForce: 'regulationsInForce' },
  [POLICY_DOCUMENT_TYPES.normative]: { made: 'normativeMade', abolished: 'normativeAbolished', inForce: 'normativeInForce' },
};

/**
 * 第二十条第（一）项 from the POLICY domain's documents, one query: per type, the documents made in
 * the year, abolished in it, and in force at its end. A document is in force at the year's end
 * when it was made by then and not abolished by then; one whose status says it no longer is
 * (revoked, expired) without a 废止日期 is counted out, since when it stopped is unknown.
 */
export async function policyFigures(knex: Knex, scope: ReportScope): Promise<Record<PolicyFigure, number>> {
  const { from, to } = yearDays(scope.year);
  const ended = statusesInState('REVOKED');
  const query = knex
    .from(
      knex('disclosures as d')
        .select(knex.raw(`${TYPE} AS type`), knex.raw(`${MADE} AS made`), knex.raw(`${ABOLISHED} AS abolished`), 'd.status')
        .where('d.kind', POLICY.kinds.document)
        .whereRaw(`${TYPE} IN (${Object.keys(KEYS).map(() => '?').join(', ')})`, Object.keys(KEYS))
        .modify((q) => (scope.department ? q.where('d.publisher', scope.department) : q))
        .as('p'),
    )
    .select('p.type')
    .select(knex.raw('count(*) FILTER (WHERE p.made >= ? AND p.made < ?) AS made', [from, to]))
    .select(knex.raw('count(*) FILTER (WHERE p.abolished >= ? AND p.abolished < ?) AS abolished', [from, to]))
    .select(
      knex.raw(
        `count(*) FILTER (WHERE p.made < ? AND (p.abolished >= ? OR (p.abolished IS NULL AND NOT p.status IN (${ended.map(() => '?').join(', ')})))) AS in_force`,
        [to, to, ...ended],
      ),
    )
    .groupBy('p.type');
  const rows = (await query) as Array<{ type: string; made: string | number; abolished: string | number; in_force: string | number }>;
  const figures = Object.fromEntries(Object.values(KEYS).flatMap((k) => [[k.made, 0], [k.abolished, 0], [k.inForce, 0]])) as Record<PolicyFigure, number>;
  for (const row of rows) {
    const keys = KEYS[row.type];
    figures[keys.made] = Number(row.made);
    figures[keys.abolished] = Number(row.abolished);
    figures[keys.inForce] = Number(row.in_force);
  }
  return figures;
}

const SOURCE = (type: string, what: string) =>
  `POLICY domain, kind ${POLICY.kinds.document}, documentType ${type}: ${what}; with a department, the documents it published (publisher)`;

export const POLICY_NOTES: FigureNotes<PolicyFigure> = {
  regulationsMade: { source: SOURCE(POLICY_DOCUMENT_TYPES.regulation, '成文日期 (signedOn, else the publication date) in the year') },
  regulationsAbolished: { source: SOURCE(POLICY_DOCUMENT_TYPES.regulation, '废止日期 (abolishedOn) in the year') },
  regulationsInForce: {
    source: SOURCE(POLICY_DOCUMENT_TYPES.regulation, 'made by the end of the year and not abolished by then'),
    note: 'A document revoked or expired without a 废止日期 is not counted in force.',
  },
  normativeMade: { source: SOURCE(POLICY_DOCUMENT_TYPES.normative, '成文日期 (signedOn, else the publication date) in the year') },
  normativeAbolished: { source: SOURCE(POLICY_DOCUMENT_TYPES.normative, '废止日期 (abolishedOn) in the year') },
  normativeInForce: {
    source: SOURCE(POLICY_DOCUMENT_TYPES.normative, 'made by the end of the year and not abolished by then'),
    note: 'A document revoked or expired without a 废止日期 is not counted in force.',
  },
};
