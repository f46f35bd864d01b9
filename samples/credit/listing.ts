import type { Malformation } from '../kit/malformed';
import { hash32, type Random } from '../kit/random';
import { oldRegistrationNumbers, sampleOrganisation } from './parties';

/**
 * A listing's own id as the enterprise credit publicity system writes it: 32 hexadecimal
 * characters. The last seven are the index, so ids never repeat. Each group of eight begins with a
 * letter: the id is served inside the record's source link, and a longer run of digits could read
 * as a phone or ID number to the hub's leak checks (findUnmaskedPersonalInfo takes any 11 digits
 * from 13… to 19… for a mobile number).
 */
export function listingId(seed: number, path: string, index: number): string {
  const group = (n: number, digits: string) => `${'abcdef'[hash32(seed, path, 'letter', n, index) % 6]}${digits}`;
  const part = (n: number) => group(n, (hash32(seed, path, 'id', n, index) % 0x10000000).toString(16).padStart(7, '0'));
  return `${part(1)}${part(2)}${part(3)}${group(4, index.toString(16).padStart(7, '0'))}`;
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
