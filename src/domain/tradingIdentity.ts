import { normalizeUscc, validateUscc } from './uscc';

/**
 * Identities that tie the notices of one contracting process together. Notices are grouped by
 * project code, so every notice must carry it in one form; the OCDS compiled record merges awards,
 * contracts and parties by id, so those ids must come out the same from every notice.
 */

/**
 * A project code (项目编号/招标编号) in one form: half-width, no surrounding blanks, upper case.
 * Platforms write the same code as "sjzcg-2026-0012", " SJZCG-2026-0012" or "SJZCG－2026－0012"
 * on different notices of one process.
 */
export function normalizeProjectCode(code: string): string {
  return String(code)
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim()
    .toUpperCase();
}

/**
 * The OCDS party id: the unified social credit code when it is valid (CN-USCC-…), otherwise the
 * name. A bad or placeholder code must not become an id, or strangers sharing 00000000000000000X
 * would merge into one party.
 */
export function ocdsPartyId(name: string, uscc?: string | null): string {
  if (uscc && validateUscc(uscc).valid) return `CN-USCC-${normalizeUscc(uscc)}`;
  return `NAME-${name.trim()}`;
}

/**
 * The award of a process. Lots (标段/包) are not modelled: one award per process, so the pending
 * award of the candidate publicity and the active award of the result notice are the same award.
 */
export function awardIdOf(projectCode: string): string {
  return `${normalizeProjectCode(projectCode)}-award`;
}

/** The contract's own number when the notice gives one, else one derived from the project. */
export function contractIdOf(projectCode: string, contractNo?: string | null): string {
  return contractNo?.trim() || `${normalizeProjectCode(projectCode)}-contract`;
}
