import {
  creditDay,
  decodeRecordStatus,
  parseValidityEnd,
  STATUS,
  type CreditRecordStatus,
  type SpellingTable,
  type ValidityEnd,
  type Warnings,
} from '../../../src/connectorKit';

/**
 * Optional fields are read leniently. docs/standards/credit-publicity.md makes only the party,
 * decision number and date, authority and data source mandatory, so an unreadable validity date or
 * an unknown state does not quarantine a record: the value is left out and a warning, served with
 * the record, says why.
 */
export type { Warnings };

/** A validity or publicity end (a day, or open-ended); null when not given or not readable. */
export function validityEnd(text: string | undefined, attribute: string, warnings: Warnings): ValidityEnd | null {
  if (!text) return null;
  const end = parseValidityEnd(text);
  if (!end) warnings.push(`${attribute} "${text}" is not a date`);
  return end ?? null;
}

/** The record's status from its 当前状态; an unknown state reads as in force, with a warning. */
export function recordStatus(
  state: string | undefined,
  warnings: Warnings,
  codes?: SpellingTable<CreditRecordStatus>,
): CreditRecordStatus {
  const decoded = decodeRecordStatus(state, codes);
  if (decoded) return decoded;
  warnings.push(`state "${state}" is unknown; read as in force`);
  return STATUS.published;
}

/** A day (YYYY-MM-DD); null when not given or not readable. */
export function optionalDay(text: string | undefined, attribute: string, warnings: Warnings): string | null {
  if (!text) return null;
  const day = creditDay(text);
  if (!day) warnings.push(`${attribute} "${text}" is not a date`);
  return day ?? null;
}
