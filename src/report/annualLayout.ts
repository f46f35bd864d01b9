import { POLICY_DOCUMENT_TYPES } from '../domain/contract';

/**
 * The proactive-disclosure table (二、主动公开政府信息情况) of the 政府信息公开工作年度报告, in the layout
 * 国办公开办函〔2021〕30号 fixes (docs/standards/annual-report.md): one block per item of Article 20 of
 * the Regulations, each with its own columns, rows in the format's order. The layout is data so that
 * the GraphQL answer, the JSON and the CSV are one table, and a later format is one edit here.
 *
 * A cell the hub computes names its figure (annualFigures.ts); every other cell is in the layout
 * too, empty, with the reason the office fills it: a table missing a row would not be the format.
 */

export const REPORT_FORMAT = '国办公开办函〔2021〕30号';
export const REPORT_HEADING = '二、主动公开政府信息情况';
/** The first column of every block. */
export const CONTENT_COLUMN = '信息内容';

/** What the hub can count, each from one domain's records. */
export type FigureKey =
  | 'regulationsMade'
  | 'regulationsAbolished'
  | 'regulationsInForce'
  | 'normativeMade'
  | 'normativeAbolished'
  | 'normativeInForce'
  | 'licenceDecisions'
  | 'penaltyDecisions'
  | 'procurementProjects'
  | 'procurementAmount';

export type CellLayout = { column: string; figure: FigureKey } | { column: string; office: string };

export interface RowLayout {
  content: string;
  cells: readonly CellLayout[];
}

export interface SectionLayout {
  /** The Article 20 item the block reports: 第二十条第（一）项. */
  item: string;
  /** The value columns, after 信息内容. */
  columns: readonly string[];
  rows: readonly RowLayout[];
}

const MADE = '本年制发件数';
const ABOLISHED = '本年废止件数';
const IN_FORCE = '现行有效件数';
const DECISIONS = '本年处理决定数量';
const FEES = '本年收费金额（单位：万元）';
const PROJECTS = '采购项目数量';
const AMOUNT = '采购总金额';

export const ANNUAL_REPORT_LAYOUT: readonly SectionLayout[] = [
  {
    item: '第二十条第（一）项',
    columns: [MADE, ABOLISHED, IN_FORCE],
    rows: [
      {
        content: POLICY_DOCUMENT_TYPES.regulation,
        cells: [
          { column: MADE, figure: 'regulationsMade' },
          { column: ABOLISHED, figure: 'regulationsAbolished' },
          { column: IN_FORCE, figure: 'regulationsInForce' },
        ],
      },
      {
        content: POLICY_DOCUMENT_TYPES.normative,
        cells: [
          { column: MADE, figure: 'normativeMade' },
          { column: ABOLISHED, figure: 'normativeAbolished' },
          { column: IN_FORCE, figure: 'normativeInForce' },
        ],
      },
    ],
  },
  {
    item: '第二十条第（五）项',
    columns: [DECISIONS],
    rows: [{ content: '行政许可', cells: [{ column: DECISIONS, figure: 'licenceDecisions' }] }],
  },
  {
    item: '第二十条第（六）项',
    columns: [DECISIONS],
    rows: [
      { content: '行政处罚', cells: [{ column: DECISIONS, figure: 'penaltyDecisions' }] },
      {
        content: '行政强制',
        cells: [{ column: DECISIONS, office: 'No feed the hub reads publishes 行政强制 decisions (查封、扣押、冻结、强制执行): left for the office to fill (由本机关填写).' }],
      },
    ],
  },
  {
    item: '第二十条第（八）项',
    columns: [FEES],
    rows: [
      {
        content: '行政事业性收费',
        cells: [{ column: FEES, office: 'Fees collected are in the finance system, not in any feed the hub reads: left for the office to fill (由本机关填写).' }],
      },
    ],
  },
  {
    item: '第二十条第（九）项',
    columns: [PROJECTS, AMOUNT],
    rows: [
      {
        content: '政府集中采购',
        cells: [
          { column: PROJECTS, figure: 'procurementProjects' },
          { column: AMOUNT, figure: 'procurementAmount' },
        ],
      },
    ],
  },
];
