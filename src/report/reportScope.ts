/**
 * What one annual report covers: a calendar year in China time, and optionally one department (a
 * deciding authority, a buyer, a publishing office). Checked here once, for GraphQL and the CLI.
 */
export interface ReportScope {
  year: number;
  department: string | null;
}

/** A request the caller can fix; GraphQL answers it as BAD_USER_INPUT, the CLI as a usage error. */
export class ReportInputError extends Error {
  override name = 'ReportInputError';
}

/** The Regulations' annual report exists since 2008; a year past next is a typo, not a plan. */
const FIRST_YEAR = 2008;

export function reportScope(year: number, department: string | null | undefined, now: Date = new Date()): ReportScope {
  const last = now.getUTCFullYear() + 1;
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > last) {
    throw new ReportInputError(`year ${year} is not a report year: give a calendar year from ${FIRST_YEAR} to ${last}, e.g. ${last - 2}`);
  }
  if (department === null || department === undefined) return { year, department: null };
  const trimmed = department.trim();
  if (!trimmed) throw new ReportInputError('department is empty: give a department\'s full name, e.g. 大庆市市场监督管理局, or leave it out for every department');
  return { year, department: trimmed };
}

/** The first day of the year and of the next, as YYYY-MM-DD: dates compare as text in that form. */
export function yearDays(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year + 1}-01-01` };
}

/** The year's bounds as instants: China time, UTC+8 all year. */
export function yearInstants(year: number): { from: Date; to: Date } {
  const { from, to } = yearDays(year);
  return { from: new Date(`${from}T00:00:00+08:00`), to: new Date(`${to}T00:00:00+08:00`) };
}
