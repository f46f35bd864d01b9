import { stringify } from 'csv-stringify/sync';
import type { AnnualDisclosureReport, ReportCell } from './annualReport';

/** Excel, which most offices open a CSV with, reads UTF-8 only after a byte-order mark. */
const BOM = '\ufeff';

const FILL_WORDS: Record<ReportCell['filledBy'], string> = { HUB: '平台统计', OFFICE: '由本机关填写' };

/**
 * The table as the format lays it out, block under block (the item, its head row, its rows), then
 * a 说明 block: each cell with a unit or a note (the office's cells above all, empty in the table),
 * so that the file says itself which cells are left to fill. Rows are padded to one width.
 */
export function annualReportCsv(report: AnnualDisclosureReport): string {
  const rows: string[][] = [
    [report.heading],
    ['报告年度', String(report.year)],
    ['报告机关', report.department ?? '全部（平台所有记录）'],
    ['报告格式', report.format],
    [],
  ];
  for (const section of report.sections) {
    rows.push([section.item], section.columns);
    for (const row of section.rows) rows.push([row.content, ...row.cells.map((cell) => (cell.value === null ? '' : String(cell.value)))]);
  }
  rows.push([], ['说明'], ['信息内容', '栏目', '填报', '单位', '说明', '数据来源']);
  for (const section of report.sections) {
    for (const row of section.rows) {
      for (const cell of row.cells) {
        if (cell.note || cell.unit) rows.push([row.content, cell.column, FILL_WORDS[cell.filledBy], cell.unit ?? '', cell.note ?? '', cell.source ?? '']);
      }
    }
  }
  const width = Math.max(...rows.map((r) => r.length));
  return BOM + stringify(rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]), { record_delimiter: 'windows' });
}
