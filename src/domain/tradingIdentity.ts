import { normalizeUscc, validateUscc } from './uscc';

/**
 * Identities that tie the notices of one contracting process together. A process is one lot
 * (标段/包) of a project: notices are grouped by project code and lot code, so every notice must
 * carry both in one form; the OCDS compiled record of a project merges lots, awards, contracts and
 * parties by id, so those ids must come out the same from every notice.
 */

/**
 * A project code (项目编号/招标编号) in one form: half-width, no surrounding blanks, upper case.
 * Platforms write the same code as "dqcg-2026-0012", " DQCG-2026-0012" or "DQCG－2026－0012"
 * on different notices of one process.
 */
export function normalizeProjectCode(code: string): string {
  return String(code)
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim()
    .toUpperCase();
}

/** A lot code (标段(包)编号), written as unevenly as project codes, in the same one form. */
export function normalizeLotCode(code: string): string {
  return normalizeProjectCode(code);
}

/**
 * Which process a notice belongs to: its project and, when the platform divides the project into
 * lots, the lot. A notice without a lot code is about a project that is not divided (or about the
 * whole of it): its process is the project itself.
 */
export interface ProcessIdentity {
  /** Normalised project code. */
  projectCode: string;
  /** Normalised lot code, or null for an undivided project. */
  lotCode: string | null;
}

/**
 * The process's own identifier: the lot code when it already begins with the project code (as
 * platforms number lots: DQJS-2026-0012-001), else the two joined; the project code for an
 * undivided project. Awards and contracts are named after it, so they are unique within a project.
 */
export function processIdOf(process: ProcessIdentity): string {
  const project = normalizeProjectCode(process.projectCode);
  if (!process.lotCode) return project;
  const lot = normalizeLotCode(process.lotCode);
  return lot.startsWith(project) ? lot : `${project}-${lot}`;
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
 * The award of a process: one per lot, so the pending award of a lot's candidate publicity and the
 * active award of its result notice are the same award, and two lots' awards never merge.
 */
export function awardIdOf(process: ProcessIdentity): string {
  return `${processIdOf(process)}-award`;
}

/** The contract's own number when the notice gives one, else one derived from the process. */
export function contractIdOf(process: ProcessIdentity, contractNo?: string | null): string {
  return contractNo?.trim() || `${processIdOf(process)}-contract`;
}
