/**
 * The ways platform feeds go wrong, for the known share of notices (isMalformed) that must be
 * quarantined: an impossible date, a missing project code, an amount written as prose, a
 * truncated credit code, and a list field holding a note instead of a list.
 */
export const MALFORMATIONS = 5;

export function malform(record: object, way: number): Record<string, unknown> {
  const bad: Record<string, unknown> = { ...record };
  switch (way % MALFORMATIONS) {
    case 0:
      bad.publishTime = '2026-02-30 10:00:00';
      break;
    case 1:
      delete bad.projectCode;
      break;
    case 2:
      bad.budget = '约120万元';
      break;
    case 3:
      bad.buyerCode = String(bad.buyerCode ?? '111301000000000000').trim().slice(0, 15);
      break;
    default:
      bad.tenderers = '详见附件';
  }
  return bad;
}
