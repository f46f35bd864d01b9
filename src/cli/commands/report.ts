import type { Command } from 'commander';
import { loadConfig } from '../../config/config';
import { annualDisclosureReport } from '../../report/annualReport';
import { annualReportCsv } from '../../report/annualReportCsv';
import { ReportInputError, reportScope } from '../../report/reportScope';
import { withDatabase } from '../database';
import { UsageError } from '../errors';
import { openOutput } from '../fileOutput';

interface AnnualOptions {
  year: string;
  department?: string;
  format: string;
  out?: string;
}

const FORMATS = ['csv', 'json'];

export function registerReport(program: Command): void {
  const report = program.command('report').description('fill statutory reports from the stored disclosures');
  report
    .command('annual')
    .description('the proactive-disclosure table (二、主动公开政府信息情况) of the yearly 政府信息公开工作年度报告, 国办公开办函〔2021〕30号 layout')
    .requiredOption('--year <year>', 'the calendar year reported, e.g. 2025')
    .option('--department <name>', 'only this department, by its full name as records write it (deciding authority, buyer, publisher)')
    .option('--format <format>', 'csv (the table, with a 说明 block) or json (each cell with its value, source and note)', 'csv')
    .option('--out <file>', 'write to this file (replaced only once complete) instead of standard output')
    .action(async (options: AnnualOptions) => {
      if (!FORMATS.includes(options.format)) throw new UsageError(`--format ${options.format} is not one of ${FORMATS.join(', ')}`);
      const scope = scopeOf(options);
      const output = await openOutput(options.out);
      try {
        const filled = await withDatabase(loadConfig(), (db) => annualDisclosureReport(db.knex, scope), { migrate: true });
        await output.sink.write(options.format === 'json' ? `${JSON.stringify(filled, null, 2)}\n` : annualReportCsv(filled));
        await output.commit();
      } catch (error) {
        await output.discard();
        throw error instanceof ReportInputError ? new UsageError(error.message) : error;
      }
      if (options.out) process.stderr.write(`wrote the ${scope.year} annual report table${scope.department ? ` of ${scope.department}` : ''} as ${options.format} to ${options.out}\n`);
    });
}

/** --year as a whole number; a year or department the report refuses is a usage error (exit 2). */
function scopeOf(options: AnnualOptions) {
  if (!/^\d{4}$/.test(options.year.trim())) throw new UsageError(`--year ${options.year} is not a year: give four digits, e.g. --year 2025`);
  try {
    return reportScope(Number(options.year), options.department);
  } catch (error) {
    throw error instanceof ReportInputError ? new UsageError(error.message) : error;
  }
}
