import { normalizeUscc, USCC_ALPHABET } from './uscc';

/** True when the text, once normalised, is 18 characters of the USCC alphabet (check not tested). */
export function looksLikeUscc(text: string): boolean {
  const code = normalizeUscc(text);
  return code.length === 18 && [...code].every((ch) => USCC_ALPHABET.includes(ch));
}
