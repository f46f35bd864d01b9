import { STATUS } from './contract/status';
import { lookUpSpelling, type SpellingTable } from './creditCodedValue';

/** The stored statuses (src/domain/contract/status.ts) a licence or penalty can be in. */
export type CreditRecordStatus = (typeof STATUS)['published' | 'revoked' | 'cancelled' | 'expired' | 'amended'];

/**
 * 当前状态 as sources write it (XK_ZT; CF_ZT of 2016 exports). Decisions: 无效 and 吊销 count as
 * revoked; 异议 (an objection under review) leaves the record in force until it is decided.
 */
export const RECORD_STATUS_SPELLINGS: SpellingTable<CreditRecordStatus> = {
  有效: STATUS.published,
  正常: STATUS.published,
  异议: STATUS.published,
  其他: STATUS.published,
  撤销: STATUS.revoked,
  已撤销: STATUS.revoked,
  撤回: STATUS.revoked,
  吊销: STATUS.revoked,
  无效: STATUS.revoked,
  注销: STATUS.cancelled,
  已注销: STATUS.cancelled,
  过期: STATUS.expired,
  已过期: STATUS.expired,
  失效: STATUS.expired,
  到期: STATUS.expired,
  变更: STATUS.amended,
  已变更: STATUS.amended,
  更正: STATUS.amended,
};

/**
 * The 2016 format's numeric states (0 正常 or blank, 1 撤销, 2 异议, 3 其他, the reason in BZ), as
 * recalled from the 2016 data format. NOT confirmed by a published source we hold: configuration.
 * Only the 2016 stream reads them, since other generations' numbers may mean something else.
 */
export const RECORD_STATUS_CODES_2016: SpellingTable<CreditRecordStatus> = {
  '0': STATUS.published,
  '1': STATUS.revoked,
  '2': STATUS.published,
  '3': STATUS.published,
};

/**
 * The status a licence or penalty is in; a blank state is in force. Undefined for a state the hub
 * does not know, so the caller can say so.
 */
export function decodeRecordStatus(
  text: string | null | undefined,
  codes: SpellingTable<CreditRecordStatus> = {},
): CreditRecordStatus | undefined {
  if (!text || !text.trim()) return STATUS.published;
  return lookUpSpelling(text, RECORD_STATUS_SPELLINGS) ?? lookUpSpelling(text, codes);
}
