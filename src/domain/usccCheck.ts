import type { CitySetting } from '../config/city';
import { USCC_ALPHABET, gb11714CheckCharacter, validateUscc } from './uscc';
import { REGISTRATION_AUTHORITIES } from './usccCodeTables';
import { readUsccDivision, type UsccDivisionReading } from './usccDivision';
import { notes, problems, type UsccNote, type UsccProblem } from './usccFindings';

/**
 * A code checked for a person (the usccCheck query): the GB 32100-2015 check character as
 * validateUscc computes it, and the structure around it — registration authority, entity
 * category, division — with every finding explained.
 *
 * `valid` here is the whole standard. Stored records are linked on the check character alone
 * (validateUscc), because the structure tables grow by amendment and a record is never unlinked for
 * a table the hub may not have yet; a code with a right check character and, say, an authority the
 * table lacks is linked but explained here as not valid.
 */
export interface UsccCheck {
  valid: boolean;
  normalized: string;
  /** The check character the first 17 characters call for, when they are 17 of the alphabet. */
  expectedCheck: string | null;
  /** Every problem's message, in position order; null when valid. */
  reason: string | null;
  problems: UsccProblem[];
  notes: UsccNote[];
  /** The parts of a code of 18 characters of the alphabet; null otherwise. */
  parts: UsccParts | null;
}

export interface UsccParts {
  registrationAuthority: CodePart;
  /** Null when the authority is unknown, so its categories are too. */
  entityCategory: CodePart | null;
  division: UsccDivisionReading;
  /** Positions 9–17 (GB 11714). */
  organisationCode: string;
}

export interface CodePart {
  code: string;
  /** Null when the table has no such code. */
  name: string | null;
}

/** How many unknown characters are listed one by one; a longer text is surely not a code at all. */
const CHARACTERS_LISTED = 5;

export function checkUscc(input: string, city: CitySetting): UsccCheck {
  const arithmetic = validateUscc(input);
  const normalized = arithmetic.normalized;
  const found = [...shapeProblems(normalized)];
  const noted = normalisationNotes(input, normalized);
  let parts: UsccParts | null = null;
  if (found.length === 0 && arithmetic.reason === 'placeholder') found.push(problems.placeholder(normalized));
  else if (found.length === 0) {
    parts = partsOf(normalized, city);
    found.push(...structureProblems(normalized, parts, arithmetic.expectedCheck));
    const divisionNote = notes.division(parts.division, city);
    if (divisionNote) noted.push(divisionNote);
    const organisation = organisationCodeNote(parts.organisationCode);
    if (organisation) noted.push(organisation);
  }
  return {
    valid: found.length === 0,
    normalized,
    expectedCheck: arithmetic.expectedCheck ?? null,
    reason: found.length ? found.map((p) => p.message).join('; ') : null,
    problems: found,
    notes: noted,
    parts,
  };
}

/** Problems that leave no 18 characters of the alphabet to read: nothing, a blank, the length, unknown characters. */
function* shapeProblems(code: string): Generator<UsccProblem> {
  const characters = [...code];
  if (characters.length === 0) return yield problems.empty();
  // An inner blank usually explains a wrong length too, so it is reported instead of the length.
  const blank = characters.findIndex((ch) => /\s/.test(ch));
  if (blank >= 0) yield problems.blankInside(blank + 1);
  else if (characters.length !== 18) yield problems.length(characters.length);
  let listed = 0;
  for (const [i, ch] of characters.entries()) {
    if (USCC_ALPHABET.includes(ch) || /\s/.test(ch)) continue;
    if (listed++ === CHARACTERS_LISTED) return;
    yield problems.character(i + 1, ch);
  }
}

/** What normalisation changed, so a reader knows the code looked up is not quite what was typed. */
function normalisationNotes(input: string, normalized: string): UsccNote[] {
  if (typeof input !== 'string' || input === normalized) return [];
  const changed: UsccNote[] = [];
  if (input.trim() !== input) changed.push(notes.surroundingBlanks());
  if (/[\uFF01-\uFF5E]/.test(input)) changed.push(notes.fullWidth());
  if (/[a-z\uFF41-\uFF5A]/.test(input)) changed.push(notes.lowerCase());
  return changed;
}

function partsOf(code: string, city: CitySetting): UsccParts {
  const authority = REGISTRATION_AUTHORITIES[code[0]];
  return {
    registrationAuthority: { code: code[0], name: authority?.name ?? null },
    entityCategory: authority ? { code: code[1], name: authority.categories[code[1]] ?? null } : null,
    division: readUsccDivision(code.slice(2, 8), city),
    organisationCode: code.slice(8, 17),
  };
}

/** Positions 1, 2, 3–8 and 18, in that order. */
function structureProblems(code: string, parts: UsccParts, expectedCheck: string | undefined): UsccProblem[] {
  const found: UsccProblem[] = [];
  const authority = REGISTRATION_AUTHORITIES[code[0]];
  if (!authority) found.push(problems.registrationAuthority(code[0]));
  else if (!parts.entityCategory?.name) found.push(problems.entityCategory(code[0], authority, code[1]));
  if (parts.division.scope === 'unknown') found.push(problems.division(parts.division.code));
  if (expectedCheck && code[17] !== expectedCheck) found.push(problems.checkCharacter(code[17], expectedCheck));
  return found;
}

/** The GB 11714 check of positions 9–17, a note only (docs/standards/uscc.md). */
function organisationCodeNote(organisationCode: string): UsccNote | null {
  const expected = gb11714CheckCharacter(organisationCode.slice(0, 8));
  return organisationCode[8] === expected ? null : notes.organisationCode(organisationCode[8], expected);
}
