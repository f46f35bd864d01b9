import {
  normalizeLotCode,
  normalizeProjectCode,
  requireChinaTime,
  STATUS,
  tradeTypeOf,
  TRADING,
  type DisclosureInput,
  type DisclosureOf,
  type NoticeLot,
  type NoticeType,
  type TradeTypeInfo,
} from '../../../src/connectorKit';
import { attributesOf } from './attributes';
import { resolveNoticeType } from './noticeType';
import { disclosureParties, noticeParties } from './parties';
import type { TradingNoticeRecord } from './schema';
import { isoOf } from './time';

/** Notices about what a winner got: their subject is the winner, the rest are about the buyer. */
const ABOUT_THE_WINNER: ReadonlySet<NoticeType> = new Set(['award', 'contract', 'implementation']);

/** A platform notice → the unified model. Throwing quarantines the notice with the message. */
export function toTradingDisclosure(record: TradingNoticeRecord): DisclosureOf<typeof TRADING.kinds.notice> {
  const noticeType = resolveNoticeType(record);
  const trade = requireTradeType(record.tradeType);
  const published = requireChinaTime(record.publishTime, 'publishTime');
  const updated = record.updateTime ? requireChinaTime(record.updateTime, 'updateTime') : undefined;
  const parties = noticeParties(record, trade);
  const projectCode = normalizeProjectCode(record.projectCode);
  const lot = lotOf(record);
  const context = { record, type: noticeType.info, trade, projectCode, process: { projectCode, lotCode: lot?.code ?? null }, publishedAt: isoOf(published) };
  return {
    kind: TRADING.kinds.notice,
    title: record.noticeTitle.trim(),
    publisher: record.platformName?.trim() || null,
    region: record.region?.trim() || null,
    publishedAt: published,
    updatedAt: updated,
    // An amendment is published like any notice; the process it amends is flagged by processStage.
    status: noticeType.info.type === 'cancellation' ? STATUS.cancelled : STATUS.published,
    subject: subjectOf(noticeType.info.type, record),
    parties: disclosureParties(parties),
    sourceUrl: record.url?.trim() || null,
    // Spread: an interface has no index signature, its copy is a plain record.
    attributes: { ...attributesOf(context, noticeType, lot, parties, updated) },
    personal: record.contactPhone ? { contactPhone: record.contactPhone } : null,
    searchText: [projectCode, record.projectName, lot?.code, lot?.name, record.noticeTypeName, trade.name, record.procurementMethod, record.contractNo, record.amendReason, record.cancelReason],
  };
}

/**
 * Who the notice is about, for the entity pages: the winner once there is one (an award, a contract
 * and its performance are facts about the supplier), the buyer before (a tender, its amendments,
 * the qualification review, the candidate publicity — candidates have won nothing yet — and a
 * cancellation are the buyer's acts). A result without a named winner falls back to the buyer.
 */
function subjectOf(type: NoticeType, record: TradingNoticeRecord): DisclosureInput['subject'] {
  const winner = ABOUT_THE_WINNER.has(type) ? record.winners?.[0] : undefined;
  return winner ? { name: winner.name.trim(), uscc: winner.code ?? null } : { name: record.buyerName.trim(), uscc: record.buyerCode ?? null };
}

/** The lot a notice names by its code; a name without a code cannot place it, so only the code counts. */
function lotOf(record: TradingNoticeRecord): NoticeLot | null {
  const code = record.lotCode?.trim();
  return code ? { code: normalizeLotCode(code), name: record.lotName?.trim() || null } : null;
}

function requireTradeType(name: string): TradeTypeInfo {
  const trade = tradeTypeOf(name);
  if (!trade) throw new Error(`tradeType ${JSON.stringify(name)} is not one of 工程建设, 政府采购, 土地使用权, 产权交易`);
  return trade;
}
