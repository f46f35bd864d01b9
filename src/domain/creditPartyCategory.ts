import { decodeWith, lookUpSpelling, type CodedValue, type SpellingTable } from './creditCodedValue';
import { normalizeUscc } from './uscc';

/**
 * 行政相对人类别 (party category) of the credit-publicity templates
 * (docs/standards/credit-publicity.md): the 2019 template writes 法人及非法人组织, 自然人 or 个体工商户.
 */
export type PartyCategoryCode = 'LEGAL_PERSON' | 'NATURAL_PERSON' | 'INDIVIDUAL_BUSINESS';

export const PARTY_CATEGORY_NAMES: Readonly<Record<PartyCategoryCode, string>> = {
  LEGAL_PERSON: '法人及非法人组织',
  NATURAL_PERSON: '自然人',
  INDIVIDUAL_BUSINESS: '个体工商户',
};

/**
 * Every spelling the hub accepts. The names are the template's; the older wordings (法人和其他组织,
 * 个人) come from pre-2019 systems; the numbers 1/2/3 (and 01/02/03) are what some local systems
 * write in the template's order. The numeric codes are NOT confirmed by a published source: they
 * are configuration, kept here as data so a correction is a table edit. Schemas list the same
 * spellings (a unit test keeps them in step).
 */
export const PARTY_CATEGORY_SPELLINGS: SpellingTable<PartyCategoryCode> = {
  法人及非法人组织: 'LEGAL_PERSON',
  法人: 'LEGAL_PERSON',
  非法人组织: 'LEGAL_PERSON',
  法人和其他组织: 'LEGAL_PERSON',
  法人或其他组织: 'LEGAL_PERSON',
  其他组织: 'LEGAL_PERSON',
  '1': 'LEGAL_PERSON',
  '01': 'LEGAL_PERSON',
  自然人: 'NATURAL_PERSON',
  个人: 'NATURAL_PERSON',
  '2': 'NATURAL_PERSON',
  '02': 'NATURAL_PERSON',
  个体工商户: 'INDIVIDUAL_BUSINESS',
  个体户: 'INDIVIDUAL_BUSINESS',
  '3': 'INDIVIDUAL_BUSINESS',
  '03': 'INDIVIDUAL_BUSINESS',
};

/** The party category as written, decoded; undefined when the spelling is unknown. */
export function decodePartyCategory(text: string): CodedValue<PartyCategoryCode> | undefined {
  if (lookUpSpelling(text, PARTY_CATEGORY_SPELLINGS) === undefined) return undefined;
  return decodeWith(text, PARTY_CATEGORY_SPELLINGS, PARTY_CATEGORY_NAMES);
}

export function partyCategory(code: PartyCategoryCode): CodedValue<PartyCategoryCode> {
  return { code, name: PARTY_CATEGORY_NAMES[code] };
}

/**
 * The 2016-era exports have no party-category field, so it is read from what the row carries.
 *
 * Decisions (docs/standards/credit-publicity.md is silent): a code whose first two characters are
 * 92 is a 个体工商户 (GB 32100: registration authority 9, category 2); any registration number makes a
 * legal person or other organisation; only a resident ID number and no registration number makes a
 * natural person. A row with neither is undecidable (undefined): the schema already refuses it.
 */
export function inferPartyCategory(row: {
  uscc?: string;
  hasOtherRegistration: boolean;
  hasPersonalId: boolean;
}): CodedValue<PartyCategoryCode> | undefined {
  const code = row.uscc ? normalizeUscc(row.uscc) : '';
  if (code.startsWith('92')) return partyCategory('INDIVIDUAL_BUSINESS');
  if (code || row.hasOtherRegistration) return partyCategory('LEGAL_PERSON');
  if (row.hasPersonalId) return partyCategory('NATURAL_PERSON');
  return undefined;
}
