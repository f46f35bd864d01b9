/**
 * Public resource trading rules (docs/standards/trading-ocds.md): pure functions, no I/O. The
 * trading connector maps notices with them; the GraphQL TradingProcess groups stored notices by
 * project and lot (`attributes.projectCode`, `attributes.lot`) and calls processStage; the OCDS
 * export makes one contracting process of each project, its lots in `tender.lots`.
 */
export {
  NOTICE_TYPES,
  NOTICE_TYPE_LIST,
  classifyNoticeType,
  noticeTypeByCode,
  noticeTypeInfo,
  tenderStatusAfter,
} from './tradingNoticeTypes';
export type { NoticeType, NoticeTypeInfo, OcdsReleaseTag, OcdsTenderStatus, ProcessStageName } from './tradingNoticeTypes';

export { processStage } from './tradingStage';
export type { ProcessStage, StageNotice } from './tradingStage';

export { AMOUNT_UNITS, parseAmount, toWanYuan, wanYuanToYuan } from './tradingAmounts';
export type { AmountUnit, ParsedAmount } from './tradingAmounts';

export { AGENCY_ROLE, BIDDER_ROLE, TRADE_TYPES, tradeTypeOf } from './tradingTradeTypes';
export type { TradeTypeInfo, TradeTypeKey, TradingRole } from './tradingTradeTypes';

export { procurementCategoryOf, procurementMethodOf } from './tradingProcurement';
export type { OcdsMethod, OcdsProcurementCategory, ProcurementMethod } from './tradingProcurement';

export { awardIdOf, contractIdOf, normalizeLotCode, normalizeProjectCode, ocdsPartyId, processIdOf } from './tradingIdentity';
export type { ProcessIdentity } from './tradingIdentity';

export type {
  Money,
  NoticeLot,
  PartyRef,
  Period,
  TradingAward,
  TradingContract,
  TradingNoticeAttributes,
  TradingParty,
  TradingTender,
  TradingTenderer,
} from './tradingNotice';
