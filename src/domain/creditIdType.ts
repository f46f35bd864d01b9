import { decodeWith, type CodedValue, type SpellingTable } from './creditCodedValue';

/**
 * 证件类型 (ID type) of a natural person or a legal representative (XK_XDR_ZJLX, XK_FR_ZJLX,
 * CF_XDR_ZJLX, CF_FR_ZJLX).
 */
export type IdTypeCode = 'RESIDENT_ID' | 'PASSPORT' | 'HK_MACAO_PERMIT' | 'TAIWAN_PERMIT' | 'FOREIGN_PERMANENT_RESIDENT' | 'OTHER';

export const ID_TYPE_NAMES: Readonly<Record<IdTypeCode, string>> = {
  RESIDENT_ID: '身份证',
  PASSPORT: '护照号',
  HK_MACAO_PERMIT: '港澳居民来往内地通行证',
  TAIWAN_PERMIT: '台湾居民来往大陆通行证',
  FOREIGN_PERMANENT_RESIDENT: '外国人永久居留身份证',
  OTHER: '其他',
};

/**
 * Names as the 2019 template lists them, common longer wordings, and the three-digit codes
 * (001–005) some systems write in the template's order. The numeric codes are NOT confirmed by a
 * published source: configuration, kept as data.
 */
export const ID_TYPE_SPELLINGS: SpellingTable<IdTypeCode> = {
  身份证: 'RESIDENT_ID',
  居民身份证: 'RESIDENT_ID',
  中华人民共和国居民身份证: 'RESIDENT_ID',
  '001': 'RESIDENT_ID',
  护照号: 'PASSPORT',
  护照: 'PASSPORT',
  '002': 'PASSPORT',
  港澳居民来往内地通行证: 'HK_MACAO_PERMIT',
  '003': 'HK_MACAO_PERMIT',
  台湾居民来往大陆通行证: 'TAIWAN_PERMIT',
  '004': 'TAIWAN_PERMIT',
  外国人永久居留身份证: 'FOREIGN_PERMANENT_RESIDENT',
  '005': 'FOREIGN_PERMANENT_RESIDENT',
  其他: 'OTHER',
};

export function decodeIdType(text: string): CodedValue<IdTypeCode> {
  return decodeWith(text, ID_TYPE_SPELLINGS, ID_TYPE_NAMES);
}

/** The 2016 exports name their ID columns after the resident ID card (CF_SFZ, CF_XDR_SFZ). */
export const RESIDENT_ID: CodedValue<IdTypeCode> = { code: 'RESIDENT_ID', name: ID_TYPE_NAMES.RESIDENT_ID };
