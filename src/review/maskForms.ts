import { maskAddress, maskIdNumber, maskPhone } from '../domain/masking';
import type { DetectorName } from './contract';

/**
 * How a found span is shown masked: in the published row when its rule masks, and in a finding's
 * excerpt always. Personal numbers keep the forms of docs/standards/privacy.md (an ID its first 6
 * and last 4, a phone its first 3 and last 4 digits, an address its district), so a reader
 * recognises them; everything else is starred out, one `*` per character.
 */
export const MASK_FORMS: Readonly<Record<DetectorName, (found: string) => string>> = Object.freeze({
  'id-number': maskIdNumber,
  mobile: maskPhone,
  'home-address': maskAddress,
  /** First 4 and last 4 digits, the separators where they were: 6222 **** **** 1234. */
  'bank-card': (found: string) => maskDigitsBetween(found, 4, 4),
  /** The letter and the last 2 digits: E******78. */
  passport: (found: string) => found[0] + '*'.repeat(Math.max(0, found.length - 3)) + found.slice(-2),
  mark: starred,
  word: starred,
});

/** Every character a `*`: the length stays, so offsets after it do not move. */
export function starred(found: string): string {
  return '*'.repeat(found.length);
}

function maskDigitsBetween(value: string, keepStart: number, keepEnd: number): string {
  const digits = value.replace(/\D/g, '').length;
  let seen = 0;
  return value.replace(/\d/g, (d) => {
    seen++;
    return seen <= keepStart || seen > digits - keepEnd ? d : '*';
  });
}
