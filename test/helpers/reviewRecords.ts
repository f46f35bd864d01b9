import { credit } from '../../connectors/credit';
import { penalties } from '../../connectors/credit/penalties/stream';
import { penaltiesSample } from '../../samples/credit/penalties';
import { isMalformed, type IndexedFeed } from '../../samples/kit/feed';
import { DEFAULT_FEED_OPTIONS } from '../../samples/kit/feedServer';
import type { Finding } from '../../src/review/contract';
import { toDisclosureRow, type DisclosureRow } from '../../src/sync/normalize';
import type { CodedStreamDefinition } from '../../src/sync/stream';
import { validatorFor } from '../../src/sync/validation';
import { MAPPING, REVIEW } from './mapping';

/**
 * Real records of the credit sample feeds, for the review's integration tests: the records the
 * default review lets through, and ways to plant in a penalty's facts (CF_SY) what it must hold.
 */
export { credit, penalties };
export const PENALTIES = 'credit/penalties';

export type PenaltyRecord = Record<string, unknown> & { CF_SY: string };

/** The first `n` sample penalties that are valid and in which the default rules find nothing. */
export function cleanPenalties(n: number): PenaltyRecord[] {
  return cleanSampleRecords(penaltiesSample, penalties, n) as PenaltyRecord[];
}

/** The first `n` records of a credit sample feed that are valid and in which the default rules find nothing. */
export function cleanSampleRecords(feed: IndexedFeed, stream: CodedStreamDefinition<any>, n: number): Array<Record<string, unknown>> {
  const options = { ...DEFAULT_FEED_OPTIONS, scale: 20 * n };
  const validate = validatorFor(stream.schema);
  const clean: Array<Record<string, unknown>> = [];
  for (let i = 0; clean.length < n && i < options.scale; i++) {
    if (isMalformed(feed.path, i, options)) continue;
    const record = feed.record(i, options) as Record<string, unknown>;
    if (validate(record).length === 0 && reviewed(record, stream).findings.length === 0) clean.push(record);
  }
  if (clean.length < n) throw new Error(`only ${clean.length} of the records of ${feed.path} are clean; the test needs ${n}`);
  return clean;
}

/** The record's mapped row after the default review, as the engine computes it. */
export function reviewed(record: Record<string, unknown>, stream: CodedStreamDefinition<any> = penalties): { row: DisclosureRow; findings: Finding[] } {
  const name = `${credit.name}/${stream.name}`;
  const row = toDisclosureRow(stream.toDisclosure(record, MAPPING), { domain: credit.domain, stream: name, sourceKey: stream.key(record) }, MAPPING);
  return REVIEW(row);
}

export const keyOf = (record: PenaltyRecord): string => penalties.key(record as never);

/** The record with its facts begun by a classification mark (a state secret). */
export const marked = (record: PenaltyRecord, mark = '【机密】'): PenaltyRecord => ({ ...record, CF_SY: `${mark}${record.CF_SY}` });

/** The record with a commercial-secret marker in its facts. */
export const withTradeSecret = (record: PenaltyRecord): PenaltyRecord => ({ ...record, CF_SY: `${record.CF_SY}（随案移送的工艺文件涉及商业秘密）` });

/** The record with a natural person's bank card number (Luhn-valid) in its facts: personal data. */
export const withBankCard = (record: PenaltyRecord): PenaltyRecord => ({ ...record, CF_SY: `${record.CF_SY}罚款由当事人以银行卡${BANK_CARD}缴纳。` });

/** A 19-digit card number with its Luhn check digit. */
export const BANK_CARD = luhnCompleted('622202020011223344');

function luhnCompleted(partial: string): string {
  let sum = 0;
  // From the right of the finished number the check digit is position 0, so the partial's last digit is doubled.
  [...partial].reverse().forEach((digit, i) => {
    const doubled = i % 2 === 0 ? Number(digit) * 2 : Number(digit);
    sum += doubled > 9 ? doubled - 9 : doubled;
  });
  return `${partial}${(10 - (sum % 10)) % 10}`;
}
