/**
 * Unified Social Credit Code (统一社会信用代码) checks per GB 32100-2015 (docs/standards/uscc.md).
 *
 * A bad code is reported, never "repaired": the credit connector keeps the record and flags it
 * (usccValid: false + reason), so the reasons below are written for a data team to read.
 */

/** The 31-character code alphabet; a character's value is its index (no I, O, S, V, Z). */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights for positions 1–17: 3^(i−1) mod 31. */
export const USCC_WEIGHTS: readonly number[] = Object.freeze(
  Array.from({ length: 17 }, (_, i) => modPow(3, i, 31)),
);

/** GB 11714 weights for the first 8 characters of the organisation code (positions 9–16). */
export const GB11714_WEIGHTS: readonly number[] = Object.freeze([3, 7, 9, 10, 5, 8, 4, 2]);

export interface UsccValidation {
  valid: boolean;
  /** The code after normalisation (trimmed, half-width, upper-case); compare codes by this. */
  normalized: string;
  /** The check character the first 17 characters call for, when they could be read. */
  expectedCheck?: string;
  /** Why the code is invalid (absent when valid). 'placeholder' for dummy codes. */
  reason?: string;
  /** Findings that do not invalidate the code (e.g. the GB 11714 organisation-code check). */
  warnings?: string[];
}

function modPow(base: number, exp: number, mod: number): number {
  let result = 1;
  for (let k = 0; k < exp; k++) result = (result * base) % mod;
  return result;
}

/**
 * Normalise as the standard allows: full-width ASCII (Ｏ, ０, Ａ, full-width space) to half-width,
 * then trim surrounding blanks, then upper-case.
 *
 * Decision: blanks INSIDE the code are not removed. The standard only mentions surrounding blanks,
 * and an inner blank usually means two fields ran together or a character was lost; such a code is
 * reported invalid (naming the position) rather than silently re-joined into a possibly wrong code.
 * Look-alike letters (O for 0, I for 1) are likewise not mapped: they are rejected with their position.
 */
export function normalizeUscc(code: string): string {
  return toHalfWidth(code).trim().toUpperCase();
}

/** U+FF01–U+FF5E are the full-width forms of '!'–'~'; U+3000 is the ideographic space. */
function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** Σ value × weight over the first 17 characters (831 for the worked example 91440300192203821). */
export function usccWeightedSum(first17: string): number {
  assertUsccBody(first17);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return sum;
}

/**
 * The check character (position 18) for 17 code characters: (31 − Σ mod 31) mod 31, mapped
 * through the alphabet. Expects already-normalised characters; throws otherwise, because a
 * generator that feeds it bad input should fail loudly rather than produce a bad code.
 */
export function usccCheckCharacter(first17: string): string {
  const value = (31 - (usccWeightedSum(first17) % 31)) % 31;
  return USCC_ALPHABET[value];
}

function assertUsccBody(first17: string): void {
  if (typeof first17 !== 'string' || first17.length !== 17) {
    throw new Error(`USCC check needs exactly 17 characters, got ${JSON.stringify(first17)}`);
  }
  const bad = findBadCharacter(first17);
  if (bad) throw new Error(`Cannot compute a USCC check character: ${bad}`);
}

/**
 * GB 11714 check character for the first 8 characters of an organisation code:
 * 11 − (Σ value × weight mod 11), with 10 → 'X' and 11 → '0'.
 *
 * Organisation codes may contain letters; GB 11714 gives them the values A=10 … Z=35 (the
 * digits-then-letters order). docs/standards/uscc.md does not list letter values; this is that order.
 */
export function gb11714CheckCharacter(first8: string): string {
  if (typeof first8 !== 'string' || !/^[0-9A-Z]{8}$/.test(first8)) {
    throw new Error(
      `GB 11714 check needs 8 characters 0-9/A-Z, got ${JSON.stringify(first8)}`,
    );
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(first8[i], 36) * GB11714_WEIGHTS[i];
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

/** Describe the first character outside the alphabet, 1-based, or undefined when all are fine. */
function findBadCharacter(s: string): string | undefined {
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (USCC_ALPHABET.includes(ch)) continue;
    return `character ${i + 1} '${ch}' is not in the USCC alphabet (no I, O, S, V, Z)`;
  }
  return undefined;
}

/**
 * Dummy codes seen in real feeds: the 17 body characters all the same ('00000000000000000X',
 * '111111111111111111'). All zeros even carries a correct check character ('0'), so this must
 * be tested before the check character.
 */
function isPlaceholder(code: string): boolean {
  return /^(.)\1{16}$/.test(code.slice(0, 17));
}

export function validateUscc(code: string): UsccValidation {
  if (typeof code !== 'string') {
    return { valid: false, normalized: '', reason: `code must be a string, got ${typeof code}` };
  }
  const normalized = normalizeUscc(code);
  if (normalized.length === 0) return { valid: false, normalized, reason: 'code is empty' };
  // An inner blank usually explains a wrong length too, so it is reported first.
  const blank = normalized.search(/\s/);
  if (blank >= 0) {
    return {
      valid: false,
      normalized,
      reason: `character ${blank + 1} is a blank (only blanks around the code are removed)`,
    };
  }
  if (normalized.length !== 18) {
    return {
      valid: false,
      normalized,
      reason: `code is ${normalized.length} characters long; a USCC has 18`,
    };
  }
  const bad = findBadCharacter(normalized);
  if (bad) return { valid: false, normalized, reason: bad };
  if (isPlaceholder(normalized)) return { valid: false, normalized, reason: 'placeholder' };

  const expectedCheck = usccCheckCharacter(normalized.slice(0, 17));
  const actual = normalized[17];
  if (actual !== expectedCheck) {
    return {
      valid: false,
      normalized,
      expectedCheck,
      reason: `check character is '${actual}' but should be '${expectedCheck}'`,
    };
  }

  const warnings = organisationCodeWarnings(normalized.slice(8, 17));
  return warnings.length > 0
    ? { valid: true, normalized, expectedCheck, warnings }
    : { valid: true, normalized, expectedCheck };
}

/**
 * The GB 11714 check on positions 9–17. Some codes in real registries fail it, so a failure is a
 * warning only (docs/standards/uscc.md: warn, never reject for it).
 */
function organisationCodeWarnings(orgCode: string): string[] {
  // The USCC alphabet is a subset of 0-9/A-Z, so the first 8 are always computable here.
  const expected = gb11714CheckCharacter(orgCode.slice(0, 8));
  const actual = orgCode[8];
  if (actual === expected) return [];
  return [
    `organisation code (positions 9–17) '${orgCode}' fails the GB 11714 check: ` +
      `position 17 is '${actual}' but GB 11714 gives '${expected}'`,
  ];
}
