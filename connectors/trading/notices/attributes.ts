import { maskContactPhone, type NoticeLot, type TradingNoticeAttributes } from '../../../src/connectorKit';
import { amendmentOf, awardsOf, cancellationOf, contractsOf, tenderBlock, tenderersOf, type NoticeContext } from './ocdsBlocks';
import type { ResolvedNoticeType } from './noticeType';
import { ocdsParties, type NoticeParty } from './parties';
import { isoOf } from './time';

/** The served attributes of a notice: what a GraphQL TradingNotice and an OCDS release need. */
export function attributesOf(
  c: NoticeContext,
  noticeType: ResolvedNoticeType,
  lot: NoticeLot | null,
  parties: readonly NoticeParty[],
  updatedAt: Date | undefined,
): TradingNoticeAttributes {
  const r = c.record;
  return {
    noticeId: r.noticeId.trim(),
    noticeType: {
      code: noticeType.info.code,
      name: r.noticeTypeName?.trim() || noticeType.info.name,
      type: noticeType.info.type,
      from: noticeType.from,
    },
    ocdsTag: noticeType.info.ocdsTag,
    projectCode: c.projectCode,
    projectName: r.projectName.trim(),
    lot,
    tradeType: { type: c.trade.type, name: c.trade.name, procurement: c.trade.procurement },
    sourceAmountUnit: r.amountUnit ?? null,
    region: r.region?.trim() || null,
    publishedAt: c.publishedAt,
    updatedAt: updatedAt ? isoOf(updatedAt) : null,
    tender: tenderBlock(c),
    tenderers: tenderersOf(c),
    awards: awardsOf(c),
    contracts: contractsOf(c),
    amendment: amendmentOf(c),
    cancellation: cancellationOf(c),
    parties: ocdsParties(parties),
    contact: contactOf(r.contactPerson, r.contactPhone),
  };
}

/**
 * The contact as published. The person is the buyer's or the agency's business contact for the
 * notice, which the organisation publishes so that bidders can reach it: served in full, as its
 * office line is; a mobile number in it is a natural person's and is masked (docs/standards/privacy.md).
 */
function contactOf(person: string | undefined, phone: string | undefined): TradingNoticeAttributes['contact'] {
  if (!person && !phone) return null;
  return { name: person?.trim() || null, phone: phone ? maskContactPhone(phone) : null };
}
