import { lookUpSpelling, type SpellingTable } from './creditCodedValue';

/** The hub's status words (src/graphql/status.ts) a licence or penalty can be in. */
export type CreditRecordStatus = 'published' | 'revoked' | 'cancelled' | 'expired' | 'amended';

/**
 * 当前状态 as sources write it (XK_ZT; CF_ZT of 2016 exports). Decisions: 无效 and 吊销 count as
 * revoked; 异议 (an objection under review) leaves the record in force until it is decided.
 */
export const RECORD_STATUS_SPELLINGS: SpellingTable<CreditRecordStatus> = {
  有效: 'published',
  正常: 'published',
  异议: 'published',
  其他: 'published',
  撤销: 'revoked',
  已撤销: 'revoked',
  撤回: 'revoked',
  吊销: 'revoked',
  无效: 'revoked',
  注销: 'cancelled',
  已注销: 'cancelled',
  过期: 'expired',
  已过期: 'expired',
  失效: 'expired',
  到期: 'expired',
  变更: 'amended',
  已变更: 'amended',
  更正: 'amended',
};

/**
 * The 2016 format's numeric states (0 正常 or blank, 1 撤销, 2 异议, 3 其他, the reason in BZ), as
 * recalled from the 2016 data format. NOT confirmed by a published source we hold: configuration.
 * Only the 2016 stream reads them, since other generations' numbers may mean something else.
 */
export const RECORD_STATUS_CODES_2016: SpellingTable<CreditRecordStatus> = {
  '0': 'published',
  '1': 'revoked',
  '2': 'published',
  '3': 'published',
};

/**
 * The status a licence or penalty is in; a blank state is in force. Undefined for a state the hub
 * does not know, so the caller can say so.
 */
export function decodeRecordStatus(
  text: string | null | undefined,
  codes: SpellingTable<CreditRecordStatus> = {},
): CreditRecordStatus | undefined {
  if (!text || !text.trim()) return 'published';
  return lookUpSpelling(text, RECORD_STATUS_SPELLINGS) ?? lookUpSpelling(text, codes);
}
