import type { TradingNoticeAttributes } from '../domain/trading';

/** A trading notice as the store holds it (a `disclosures` row of kind trading-notice): what a release is built from. */
export interface StoredNotice {
  /** The store's version of the row: 1, then one more for each change the platform made to the notice. */
  version: number;
  title: string;
  sourceUrl: string | null;
  attributes: TradingNoticeAttributes;
}

/**
 * Only procurement is exported. In a land or property sale (tradingTradeTypes.ts) the public body
 * sells and the winner pays: its parties are transferor and transferee, and OCDS's buyer/supplier
 * would put a land sale on a developer's record as a government contract it supplies.
 */
export function isProcurement(attributes: Pick<TradingNoticeAttributes, 'tradeType'>): boolean {
  return attributes.tradeType?.procurement === true;
}
