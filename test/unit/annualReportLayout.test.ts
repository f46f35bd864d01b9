import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { POLICY_DOCUMENT_TYPES } from '../../src/domain/contract';
import { ANNUAL_REPORT_LAYOUT } from '../../src/report/annualLayout';
import { reportScope } from '../../src/report/reportScope';
import { undescribed } from '../helpers/sdlDescriptions';

const SCHEMA_DIR = path.resolve(__dirname, '../../schema');

describe('the annual report table', () => {
  test('its 第二十条第（一）项 rows are the policy contract\'s counted document types; 其他文件 is counted in none', () => {
    const [documents] = ANNUAL_REPORT_LAYOUT;
    expect(documents.rows.map((r) => r.content)).toEqual([POLICY_DOCUMENT_TYPES.regulation, POLICY_DOCUMENT_TYPES.normative]);
    const contents = ANNUAL_REPORT_LAYOUT.flatMap((s) => s.rows.map((r) => r.content));
    expect(contents).not.toContain(POLICY_DOCUMENT_TYPES.other);
  });

  test('each figure fills one cell, and each cell stands in a column of its block', () => {
    const figures = ANNUAL_REPORT_LAYOUT.flatMap((s) => s.rows.flatMap((r) => r.cells.flatMap((c) => ('figure' in c ? [c.figure] : []))));
    expect(new Set(figures).size).toBe(figures.length);
    for (const s of ANNUAL_REPORT_LAYOUT) for (const r of s.rows) expect(r.cells.map((c) => c.column)).toEqual(s.columns);
  });

  test('every type, field and argument of schema/report.graphql is described with its Chinese term', () => {
    expect(undescribed(parse(fs.readFileSync(path.join(SCHEMA_DIR, 'report.graphql'), 'utf8')).definitions)).toEqual([]);
  });

  test('a year or department the report cannot take says what to give instead', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    expect(reportScope(2025, '  大庆市水务局 ', now)).toEqual({ year: 2025, department: '大庆市水务局' });
    expect(reportScope(2025, undefined, now)).toEqual({ year: 2025, department: null });
    expect(() => reportScope(2028, null, now)).toThrow('year 2028 is not a report year: give a calendar year from 2008 to 2027, e.g. 2025');
    expect(() => reportScope(2025.5, null, now)).toThrow(/not a report year/);
    expect(() => reportScope(2025, ' ', now)).toThrow(/department is empty: give a department's full name/);
  });
});
