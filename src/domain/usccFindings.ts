import { REGISTRATION_AUTHORITIES, listed, type RegistrationAuthority } from './usccCodeTables';
import type { UsccDivisionReading } from './usccDivision';

/**
 * What usccCheck tells a person about a code, each finding in English (the API's language) and in
 * Chinese (what a portal shows its readers), with the position, what is there and what should be.
 */

/** Why a code is not a valid code. */
export type UsccProblemKind =
  | 'empty'
  | 'blank-inside'
  | 'length'
  | 'character'
  | 'placeholder'
  | 'registration-authority'
  | 'entity-category'
  | 'division'
  | 'check-character';

/** What a person should know that does not make the code wrong: what normalisation changed, where it was registered. */
export type UsccNoteKind = 'surrounding-blanks' | 'full-width' | 'lower-case' | 'other-province' | 'national' | 'unlisted-division' | 'organisation-code';

export interface UsccFinding<Kind extends string> {
  kind: Kind;
  /** 1-based position of the first character concerned, when one is. */
  position: number | null;
  /** What the code has there. */
  found: string | null;
  /** What it should have, when that is one thing. */
  expected: string | null;
  message: string;
  messageZh: string;
}

export type UsccProblem = UsccFinding<UsccProblemKind>;
export type UsccNote = UsccFinding<UsccNoteKind>;

function finding<Kind extends string>(kind: Kind, at: Partial<Pick<UsccFinding<Kind>, 'position' | 'found' | 'expected'>>, message: string, messageZh: string): UsccFinding<Kind> {
  return { kind, position: at.position ?? null, found: at.found ?? null, expected: at.expected ?? null, message, messageZh };
}

/** Letters readers type for a digit they see: the alphabet leaves them out for that reason. */
const LOOK_ALIKES: Readonly<Record<string, string>> = { O: '0', I: '1', Z: '2', S: '5' };

export const problems = {
  empty: (): UsccProblem => finding('empty', {}, 'no code was given', '请输入统一社会信用代码。'),

  blankInside: (position: number): UsccProblem =>
    finding(
      'blank-inside',
      { position, found: ' ' },
      `character ${position} is a blank (only blanks around the code are removed)`,
      `第 ${position} 位是空格：代码中间不能有空格，只有前后的空格会被去除。`,
    ),

  length: (length: number): UsccProblem =>
    finding(
      'length',
      { found: String(length), expected: '18' },
      `code is ${length} characters long; a USCC has 18`,
      `统一社会信用代码应为 18 位，当前为 ${length} 位。`,
    ),

  character: (position: number, character: string): UsccProblem => {
    const meant = LOOK_ALIKES[character];
    return finding(
      'character',
      { position, found: character, expected: meant ?? null },
      `character ${position} '${character}' is not in the USCC alphabet (no I, O, S, V, Z)` + (meant ? `; did you mean '${meant}'?` : ''),
      `第 ${position} 位“${character}”不是统一社会信用代码允许的字符（只用数字和除 I、O、S、V、Z 以外的大写字母）` +
        (meant ? `，是否应为数字“${meant}”？` : '。'),
    );
  },

  placeholder: (code: string): UsccProblem =>
    finding(
      'placeholder',
      { found: code },
      `'${code}' is a placeholder, not a real code: its first 17 characters are all '${code[0]}'`,
      `“${code}”是占位代码（前 17 位全是“${code[0]}”），不是真实的统一社会信用代码。`,
    ),

  registrationAuthority: (character: string): UsccProblem =>
    finding(
      'registration-authority',
      { position: 1, found: character },
      `character 1 '${character}' is not a registration authority of GB 32100-2015 (${listed(authorityNames())})`,
      `第 1 位“${character}”不是 GB 32100-2015 规定的登记管理部门代码（${listed(authorityNames(), '、')}）。`,
    ),

  entityCategory: (authorityCode: string, authority: RegistrationAuthority, character: string): UsccProblem => {
    const only = Object.keys(authority.categories);
    return finding(
      'entity-category',
      { position: 2, found: character, expected: only.length === 1 ? only[0] : null },
      `character 2 '${character}' is not an entity category of registration authority ${authorityCode} ${authority.name}, ` +
        `which has ${listed(authority.categories)}`,
      `第 2 位“${character}”不是登记管理部门“${authorityCode} ${authority.name}”下的机构类别代码（${listed(authority.categories, '、')}）。`,
    );
  },

  division: (code: string): UsccProblem =>
    finding(
      'division',
      { position: 3, found: code },
      `characters 3–8 '${code}' are outside any known administrative division: no province of GB/T 2260 has a code starting ${code.slice(0, 2)}`,
      `第 3–8 位“${code}”不在任何已知的行政区划内：GB/T 2260 没有以“${code.slice(0, 2)}”开头的省级行政区划代码。`,
    ),

  checkCharacter: (found: string, expected: string): UsccProblem =>
    finding(
      'check-character',
      { position: 18, found, expected },
      `check character is '${found}' but should be '${expected}'`,
      `第 18 位校验码是“${found}”，按前 17 位计算应为“${expected}”。`,
    ),
};

export const notes = {
  surroundingBlanks: (): UsccNote => finding('surrounding-blanks', {}, 'blanks around the code were removed', '已去除代码前后的空格。'),
  fullWidth: (): UsccNote => finding('full-width', {}, 'full-width characters were read as half-width', '已将全角字符转为半角。'),
  lowerCase: (): UsccNote => finding('lower-case', {}, 'lower-case letters were read as upper case', '已将小写字母转为大写。'),

  /** A division the city cannot name: another province, the national level, or a code in its own range it does not list. */
  division: (reading: UsccDivisionReading, city: { name: string; province: string }): UsccNote | null => {
    const at = { position: 3, found: reading.code };
    if (reading.scope === 'national') {
      return finding('national', at, `division ${reading.code}: registered by a national-level authority`, `行政区划代码 ${reading.code}：由国家级登记管理部门登记。`);
    }
    if (reading.scope === 'other-province') {
      const province = reading.code.slice(0, 2);
      return finding(
        'other-province',
        at,
        `registered outside ${city.province}: division ${reading.code} is in the province whose codes start ${province}, which is allowed`,
        `登记地不在${city.province}：行政区划代码 ${reading.code} 属于以“${province}”开头的省份，这是允许的。`,
      );
    }
    if (reading.unlisted) {
      const within = reading.within ?? city.name;
      return finding(
        'unlisted-division',
        at,
        `division ${reading.code} lies within ${within} but is none of the divisions the hub knows there`,
        `行政区划代码 ${reading.code} 属于${within}，但不是本站已知的下辖行政区划。`,
      );
    }
    return null;
  },

  organisationCode: (found: string, expected: string): UsccNote =>
    finding(
      'organisation-code',
      { position: 17, found, expected },
      `the organisation code (positions 9–17) fails the GB 11714 check: position 17 is '${found}' but GB 11714 gives '${expected}'; ` +
        'some registered codes do, so the code stays valid',
      `第 9–17 位组织机构代码未通过 GB 11714 校验（第 17 位是“${found}”，应为“${expected}”）；已登记的代码中存在这种情况，不影响代码有效。`,
    ),
};

function authorityNames(): Record<string, string> {
  return Object.fromEntries(Object.entries(REGISTRATION_AUTHORITIES).map(([code, a]) => [code, a.name]));
}
