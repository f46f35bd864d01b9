import { lookUpSpelling, normalizeSpelling, type CodedValue, type SpellingTable } from './creditCodedValue';

/**
 * 处罚类别 (CF_CFLB; CF_CFLB1/CF_CFLB2 in 2016 exports): the kinds of administrative penalty of the
 * Administrative Penalty Law, in its 1996 wording (which the templates copied) and its 2021
 * wording (第九条, which split and added kinds). A record may list several.
 */
export type PenaltyCategoryCode =
  | 'WARNING'
  | 'PUBLIC_CRITICISM'
  | 'FINE'
  | 'CONFISCATION_OF_ILLEGAL_GAINS'
  | 'CONFISCATION_OF_ILLEGAL_PROPERTY'
  | 'SUSPENSION_OR_REVOCATION_OF_LICENCE'
  | 'SUSPENSION_OR_REVOCATION_OF_BUSINESS_LICENCE'
  | 'SUSPENSION_OF_LICENCE'
  | 'REVOCATION_OF_LICENCE'
  | 'DOWNGRADING_OF_QUALIFICATION'
  | 'SUSPENSION_OF_PRODUCTION'
  | 'RESTRICTION_OF_BUSINESS'
  | 'ORDER_TO_CLOSE'
  | 'RESTRICTION_OF_EMPLOYMENT'
  | 'ADMINISTRATIVE_DETENTION'
  | 'OTHER';

export const PENALTY_CATEGORY_NAMES: Readonly<Record<PenaltyCategoryCode, string>> = {
  WARNING: '警告',
  PUBLIC_CRITICISM: '通报批评',
  FINE: '罚款',
  CONFISCATION_OF_ILLEGAL_GAINS: '没收违法所得',
  CONFISCATION_OF_ILLEGAL_PROPERTY: '没收非法财物',
  SUSPENSION_OR_REVOCATION_OF_LICENCE: '暂扣或者吊销许可证',
  SUSPENSION_OR_REVOCATION_OF_BUSINESS_LICENCE: '暂扣或者吊销执照',
  SUSPENSION_OF_LICENCE: '暂扣许可证件',
  REVOCATION_OF_LICENCE: '吊销许可证件',
  DOWNGRADING_OF_QUALIFICATION: '降低资质等级',
  SUSPENSION_OF_PRODUCTION: '责令停产停业',
  RESTRICTION_OF_BUSINESS: '限制开展生产经营活动',
  ORDER_TO_CLOSE: '责令关闭',
  RESTRICTION_OF_EMPLOYMENT: '限制从业',
  ADMINISTRATIVE_DETENTION: '行政拘留',
  OTHER: '其他',
};

/** Canonical names plus the short and colloquial forms feeds write (或 for 或者, 停业整顿 …). */
export const PENALTY_CATEGORY_SPELLINGS: SpellingTable<PenaltyCategoryCode> = {
  ...Object.fromEntries((Object.entries(PENALTY_CATEGORY_NAMES) as Array<[PenaltyCategoryCode, string]>).map(([code, name]) => [name, code])),
  暂扣或吊销许可证: 'SUSPENSION_OR_REVOCATION_OF_LICENCE',
  暂扣或吊销执照: 'SUSPENSION_OR_REVOCATION_OF_BUSINESS_LICENCE',
  暂扣许可证: 'SUSPENSION_OF_LICENCE',
  暂扣执照: 'SUSPENSION_OF_LICENCE',
  吊销许可证: 'REVOCATION_OF_LICENCE',
  吊销执照: 'REVOCATION_OF_LICENCE',
  吊销营业执照: 'REVOCATION_OF_LICENCE',
  停产停业: 'SUSPENSION_OF_PRODUCTION',
  责令停业: 'SUSPENSION_OF_PRODUCTION',
  责令停业整顿: 'SUSPENSION_OF_PRODUCTION',
  责令停产整顿: 'SUSPENSION_OF_PRODUCTION',
  其他行政处罚: 'OTHER',
};

/**
 * Phrases that contain a separator but are one category: replaced before splitting so "法律、行政
 * 法规规定的其他行政处罚" is not read as two unknown words.
 */
const ONE_PHRASE: ReadonlyArray<[RegExp, string]> = [[/法律、?行政法规规定的其他行政处罚/g, '其他']];

/** The separators feeds use between categories: ; ； 、 , ， / | and blanks. */
const SEPARATORS = /[;；、,，/|]+/;

/**
 * Splits a category field into its categories, decoded, in the order written and without
 * repeats. "警告;罚款" and "警告、罚款" and "警告，并处罚款" all give 警告 and 罚款.
 * A word the hub does not know is kept with code null.
 */
export function splitPenaltyCategories(...fields: Array<string | null | undefined>): Array<CodedValue<PenaltyCategoryCode>> {
  const result: Array<CodedValue<PenaltyCategoryCode>> = [];
  const seen = new Set<string>();
  for (const field of fields) {
    if (!field) continue;
    const text = ONE_PHRASE.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), field);
    for (const word of text.split(SEPARATORS)) {
      const value = decodePenaltyCategory(word);
      if (!value || seen.has(value.code ?? value.name)) continue;
      seen.add(value.code ?? value.name);
      result.push(value);
    }
  }
  return result;
}

/** One category word; undefined for a blank word. */
export function decodePenaltyCategory(word: string): CodedValue<PenaltyCategoryCode> | undefined {
  const text = normalizeSpelling(word);
  if (!text) return undefined;
  for (const candidate of readings(text)) {
    const code = lookUpSpelling(candidate, PENALTY_CATEGORY_SPELLINGS);
    if (code) return { code, name: PENALTY_CATEGORY_NAMES[code] };
  }
  return { code: null, name: word.trim() };
}

/** The word as written, then without the connecting words content fields wrap it in (并处…, …处罚). */
function readings(text: string): string[] {
  const bare = text.replace(/^(并处|处以|并|处)/, '').replace(/处罚$/, '');
  return bare === text ? [text] : [text, bare];
}
