import { annualDisclosureReport } from '../../report/annualReport';
import { ReportInputError, reportScope } from '../../report/reportScope';
import type { HubContext } from '../context';
import { badInput } from '../shared/badInput';

/** The yearly disclosure report (src/report/): a caller's wrong year or department is theirs to fix. */
async function annualReport(_: unknown, args: { year: number; department?: string | null }, ctx: HubContext) {
  try {
    return await annualDisclosureReport(ctx.knex, reportScope(args.year, args.department));
  } catch (error) {
    throw error instanceof ReportInputError ? badInput(error.message) : error;
  }
}

export const reportResolvers = {
  Query: { annualDisclosureReport: annualReport },
};
