import type { PppProjectRecord } from '../../connectors/ppp/projects/record';

/** The ways real library records go wrong; `way` picks one (any integer, taken modulo their count). */
export const MALFORMATIONS = [
  // A wrong type: an amount typed into a form as text.
  (r: Record<string, unknown>) => ({ ...r, investCount: 'abc' }),
  // A code the library does not define.
  (r: Record<string, unknown>) => ({ ...r, operateMode: typeof r.operateMode === 'number' ? 12 : '12' }),
  // The record's identity is missing.
  (r: Record<string, unknown>) => withoutProjNo(r),
  // An impossible value: a negative investment.
  (r: Record<string, unknown>) => ({ ...r, investCount: -Number(r.investCount) }),
  // A date that does not exist.
  (r: Record<string, unknown>) => ({ ...r, startTime: '2016-02-30' }),
] as const;

/** Which field each way breaks, in the same order: tests check quarantine reasons name it. */
export const MALFORMED_FIELDS = ['investCount', 'operateMode', 'projNo', 'investCount', 'startTime'] as const;

export function malform(record: PppProjectRecord, way: number): Record<string, unknown> {
  const index = ((way % MALFORMATIONS.length) + MALFORMATIONS.length) % MALFORMATIONS.length;
  return MALFORMATIONS[index]({ ...record });
}

function withoutProjNo(record: Record<string, unknown>): Record<string, unknown> {
  const { projNo: _dropped, ...rest } = record;
  return rest;
}
