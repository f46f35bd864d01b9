import type { Knex } from 'knex';
import { ANNUAL_REPORT_LAYOUT, CONTENT_COLUMN, REPORT_FORMAT, REPORT_HEADING, type CellLayout, type FigureKey } from './annualLayout';
import { DECISION_NOTES, decisionFigures } from './decisionFigures';
import type { FigureNote } from './figureNotes';
import { POLICY_NOTES, policyFigures } from './policyFigures';
import { PROCUREMENT_NOTES, procurementFigures } from './procurementFigures';
import { requireKnownDepartment } from './reportDepartment';
import type { ReportScope } from './reportScope';

/** Who fills a cell: the hub from its records, or the office by hand. */
export type CellFill = 'HUB' | 'OFFICE';

export interface ReportCell {
  column: string;
  /** The figure; null in a cell the office fills. */
  value: number | null;
  unit: string | null;
  filledBy: CellFill;
  /** Which records the figure counts; null in a cell the office fills. */
  source: string | null;
  /** What a reader should know: why the office fills it, or what the figure leaves out. */
  note: string | null;
}

export interface ReportRow {
  content: string;
  cells: ReportCell[];
}

export interface ReportSection {
  item: string;
  /** 信息内容 and the value columns, as the table heads the block. */
  columns: string[];
  rows: ReportRow[];
}

export interface AnnualDisclosureReport {
  year: number;
  department: string | null;
  format: string;
  heading: string;
  sections: ReportSection[];
}

const NOTES: Readonly<Record<FigureKey, FigureNote>> = { ...POLICY_NOTES, ...DECISION_NOTES, ...PROCUREMENT_NOTES };

/**
 * The proactive-disclosure table of the year's 政府信息公开工作年度报告, filled from the hub's own
 * records: every cell of the statutory layout, the ones the hub cannot know empty and saying so.
 * Three queries, one per domain, whatever the size of the store.
 */
export async function annualDisclosureReport(knex: Knex, scope: ReportScope): Promise<AnnualDisclosureReport> {
  if (scope.department) await requireKnownDepartment(knex, scope.department);
  const [policy, decisions, procurement] = await Promise.all([policyFigures(knex, scope), decisionFigures(knex, scope), procurementFigures(knex, scope)]);
  const figures: Record<FigureKey, number> = { ...policy, ...decisions, ...procurement };
  return {
    year: scope.year,
    department: scope.department,
    format: REPORT_FORMAT,
    heading: REPORT_HEADING,
    sections: ANNUAL_REPORT_LAYOUT.map((section) => ({
      item: section.item,
      columns: [CONTENT_COLUMN, ...section.columns],
      rows: section.rows.map((row) => ({ content: row.content, cells: row.cells.map((cell) => filled(cell, figures)) })),
    })),
  };
}

function filled(cell: CellLayout, figures: Record<FigureKey, number>): ReportCell {
  if ('office' in cell) return { column: cell.column, value: null, unit: null, filledBy: 'OFFICE', source: null, note: cell.office };
  const about = NOTES[cell.figure];
  return { column: cell.column, value: figures[cell.figure], unit: about.unit ?? null, filledBy: 'HUB', source: about.source, note: about.note ?? null };
}
