import { decodeWith, type CodedValue, type SpellingTable } from './creditCodedValue';

/**
 * 许可类别 (XK_XKLB): the kinds of administrative licence of the Administrative Licensing Law
 * (行政许可法 第十二条) as the 2019 template names them: 普通, 特许, 认可, 核准, 登记, 其他.
 */
export type LicenceCategoryCode = 'GENERAL' | 'FRANCHISE' | 'ACCREDITATION' | 'APPROVAL' | 'REGISTRATION' | 'OTHER';

export const LICENCE_CATEGORY_NAMES: Readonly<Record<LicenceCategoryCode, string>> = {
  GENERAL: '普通',
  FRANCHISE: '特许',
  ACCREDITATION: '认可',
  APPROVAL: '核准',
  REGISTRATION: '登记',
  OTHER: '其他',
};

/** The template's names and the same names with 许可 appended, which many systems write. */
export const LICENCE_CATEGORY_SPELLINGS: SpellingTable<LicenceCategoryCode> = Object.fromEntries(
  (Object.entries(LICENCE_CATEGORY_NAMES) as Array<[LicenceCategoryCode, string]>).flatMap(([code, name]) => [
    [name, code],
    [`${name}许可`, code],
  ]),
);

export function decodeLicenceCategory(text: string): CodedValue<LicenceCategoryCode> {
  return decodeWith(text, LICENCE_CATEGORY_SPELLINGS, LICENCE_CATEGORY_NAMES);
}
