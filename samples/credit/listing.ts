import type { Malformation } from '../kit/malformed';
import { hash32, type Random } from '../kit/random';
import { oldRegistrationNumbers, sampleOrganisation } from './parties';

/**
 * A listing's own id as the enterprise credit publicity system writes it: 32 hexadecimal
 * characters. The last eight are the index, so ids never repeat.
 */
export function listingId(seed: number, path: string, index: number): string {
  const part = (n: number) => hash32(seed, path, 'id', n, index).toString(16).padStart(8, '0');
  return `${part(1)}${part(2)}${part(3)}${index.toString(16).padStart(8, '0')}`;
}

/**
 * The listed enterprise's columns. The lists are kept for enterprises and cooperatives (a
 * 个体工商户 is marked, not listed), so one of those is drawn. Half the rows of enterprises that
 * had an old 注册号 also give it.
 */
export function listedEnterpriseFields(r: Random, seed: number): Record<string, string> {
  const { enterprise, code } = sampleOrganisation(r, seed, (e) => e.category !== '个体工商户');
  const old = oldRegistrationNumbers(enterprise, seed);
  return {
    UNISCID: code,
    ...(old && r.chance(0.5) ? { REGNO: old.businessRegistration } : {}),
    ENTNAME: enterprise.name,
  };
}

/**
 * How the columns every list shares go wrong (the listing's id, the enterprise, the listing date
 * and the deciding body); each list adds the ways of its own columns.
 */
export const LISTING_MALFORMATIONS: readonly Malformation[] = [
  (bad) => void (bad.ID = 12345),
  (bad) => void (bad.ENTNAME = ''),
  (bad) => void (bad.UNISCID = 912306020000000),
  (bad) => {
    // Neither a code nor a registration number.
    bad.UNISCID = '';
    delete bad.REGNO;
  },
  (bad) => void (bad.ABNTIME = '2024-02-30'),
  (bad) => void (bad.DECORG = ''),
];
