import type { Knex } from 'knex';
import { CREDIT, type LicenceAttributes, type PenaltyAttributes } from '../domain/contract';
import { attributeText } from './attributePath';
import type { FigureNotes } from './figureNotes';
import { yearDays, type ReportScope } from './reportScope';

type DecisionFigure = 'licenceDecisions' | 'penaltyDecisions';

/** Both kinds carry the decision and the deciding authority alike (src/domain/contract/credit.ts). */
type Decided = Pick<LicenceAttributes, 'decision' | 'authority'> & Pick<PenaltyAttributes, 'decision' | 'authority'>;

const DECIDED_ON = attributeText<Decided>('decision', 'date');
const DOCUMENT = attributeText<Decided>('decision', 'documentNumber');
const AUTHORITY = attributeText<Decided>('authority', 'name');

const KINDS: Record<DecisionFigure, string> = { licenceDecisions: CREDIT.kinds.licence, penaltyDecisions: CREDIT.kinds.penalty };

/**
 * 第二十条第（五）（六）项: the licensing and penalty decisions made in the year, by decision date,
 * from the CREDIT domain's 双公示 records, one query for both. A decision is its document (决定书文号
 * of an authority): a document published twice (by two exports, or for joint parties) is one
 * decision. It is counted whatever its state now: a decision later revoked was still made.
 */
export async function decisionFigures(knex: Knex, scope: ReportScope): Promise<Record<DecisionFigure, number>> {
  const { from, to } = yearDays(scope.year);
  const query = knex('disclosures as d')
    .select('d.kind')
    .select(knex.raw(`count(DISTINCT (${AUTHORITY}, ${DOCUMENT})) AS decisions`))
    .whereIn('d.kind', Object.values(KINDS))
    .whereRaw(`${DECIDED_ON} >= ? AND ${DECIDED_ON} < ?`, [from, to])
    .modify((q) => (scope.department ? q.whereRaw(`${AUTHORITY} = ?`, [scope.department]) : q))
    .groupBy('d.kind');
  const rows = (await query) as Array<{ kind: string; decisions: string | number }>;
  const count = (kind: string) => Number(rows.find((r) => r.kind === kind)?.decisions ?? 0);
  return { licenceDecisions: count(KINDS.licenceDecisions), penaltyDecisions: count(KINDS.penaltyDecisions) };
}

const source = (kind: string) =>
  `CREDIT domain, kind ${kind}: decisions whose 决定日期 (decision.date) is in the year, each decision document (authority and 决定书文号) once; with a department, those it decided (authority.name)`;
const NOTE = 'Counts what the hub has published: decisions the feed has not sent, or that were quarantined or are held for review, are not in it.';

export const DECISION_NOTES: FigureNotes<DecisionFigure> = {
  licenceDecisions: { source: source(CREDIT.kinds.licence), note: NOTE },
  penaltyDecisions: { source: source(CREDIT.kinds.penalty), note: NOTE },
};
