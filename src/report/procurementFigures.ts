import type { Knex } from 'knex';
import { TRADING, type TradingNoticeAttributes } from '../domain/contract';
import type { NoticeType, TradeTypeKey, TradingAward } from '../domain/trading';
import { attributeText } from './attributePath';
import type { FigureNotes } from './figureNotes';
import { yearInstants, type ReportScope } from './reportScope';

type ProcurementFigure = 'procurementProjects' | 'procurementAmount';

const TRADE = attributeText<TradingNoticeAttributes>('tradeType', 'type');
const NOTICE = attributeText<TradingNoticeAttributes>('noticeType', 'type');
const PROJECT = attributeText<TradingNoticeAttributes>('projectCode');
const LOT = `coalesce(${attributeText<TradingNoticeAttributes>('lot', 'code')}, '')`;
const AWARDS: keyof TradingNoticeAttributes = 'awards';

const GOVERNMENT_PROCUREMENT: TradeTypeKey = 'governmentProcurement';
const RESULT: NoticeType = 'award';
const AWARDED: TradingAward['status'] = 'active';

/**
 * 第二十条第（九）项 from the TRADING domain: the 政府采购 projects whose result (中标/成交结果公告) was
 * published in the year, and the amount awarded in them. A process (a lot of a project) counts
 * once, by its latest result notice of the year, so a republished result is not added twice; its
 * amount is the sum of its awards' values (万元). With a department, the projects it bought
 * (the notice's party in the buyer role).
 */
export async function procurementFigures(knex: Knex, scope: ReportScope): Promise<Record<ProcurementFigure, number>> {
  const { from, to } = yearInstants(scope.year);
  const results = knex('disclosures as d')
    .select(knex.raw(`DISTINCT ON (${PROJECT}, ${LOT}) ${PROJECT} AS project, d.attributes->'${AWARDS}' AS awards`))
    .where('d.kind', TRADING.kinds.notice)
    .whereRaw(`${TRADE} = ? AND ${NOTICE} = ?`, [GOVERNMENT_PROCUREMENT, RESULT])
    .where('d.published_at', '>=', from)
    .where('d.published_at', '<', to)
    .modify((q) =>
      scope.department
        ? q.whereExists(knex('disclosure_parties as p').whereRaw('p.disclosure_id = d.id').where('p.role', TRADING.roles.buyer).where('p.name', scope.department))
        : q,
    )
    .orderByRaw(`${PROJECT}, ${LOT}, d.published_at DESC, d.id DESC`);
  const [row] = (await knex
    .from(results.as('r'))
    .select(knex.raw('count(DISTINCT r.project) AS projects'), knex.raw('coalesce(sum(v.amount), 0) AS amount'))
    .joinRaw(
      `LEFT JOIN LATERAL (SELECT sum((a->'value'->>'amountWan')::numeric) AS amount FROM jsonb_array_elements(r.awards) a WHERE a->>'status' = ?) v ON true`,
      [AWARDED],
    )) as Array<{ projects: string | number; amount: string | number }>;
  return { procurementProjects: Number(row.projects), procurementAmount: roundWan(Number(row.amount)) };
}

/** 万元 to four decimals: one yuan, the precision the notices give. */
function roundWan(amount: number): number {
  return Math.round(amount * 10000) / 10000;
}

const SOURCE =
  `TRADING domain, kind ${TRADING.kinds.notice}, trade 政府采购: result notices (中标/成交结果公告) published in the year, each lot once (its latest result); with a department, those where it is the buyer (采购人)`;

export const PROCUREMENT_NOTES: FigureNotes<ProcurementFigure> = {
  procurementProjects: {
    source: SOURCE,
    note: 'Counts every 政府采购 project the trading platform announced a result for: the platform does not say which were bought under the centralised catalogue (集中采购目录), so the office checks the figure against its procurement records.',
  },
  procurementAmount: { source: `${SOURCE}: the sum of the awarded values`, unit: '万元' },
};
