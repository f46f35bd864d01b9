import type { AmountUnit } from './tradingAmounts';
import type { NoticeType, OcdsReleaseTag, OcdsTenderStatus } from './tradingNoticeTypes';
import type { OcdsMethod, OcdsProcurementCategory } from './tradingProcurement';
import type { TradeTypeKey, TradingRole } from './tradingTradeTypes';

/**
 * The attributes of a stored trading notice (kind `trading-notice`): the contract between the
 * trading connector and what reads the notices back (GraphQL TradingNotice/TradingProcess, the OCDS
 * export). Blocks follow OCDS 1.1.5 names so a release is a projection, with two differences:
 * amounts are in 万元 (`amountWan`; wanYuanToYuan gives OCDS's Value.amount), and times are ISO 8601
 * with the +08:00 offset the platform means.
 */
export interface TradingNoticeAttributes {
  noticeId: string;
  noticeType: {
    /** Catalogue code (tradingNoticeTypes.ts), also when the source gave only a name or title. */
    code: string;
    /** As the platform wrote it (成交结果公告), else the catalogue name. */
    name: string;
    type: NoticeType;
    /** What the type was read from: the code, the type name, or the title. */
    from: 'code' | 'name' | 'title';
  };
  ocdsTag: OcdsReleaseTag;
  /** Normalised (normalizeProjectCode): group notices into processes by it. */
  projectCode: string;
  projectName: string;
  tradeType: { type: TradeTypeKey; name: string; procurement: boolean };
  /** The unit the source wrote its amounts in; every amount below is converted to 万元. */
  sourceAmountUnit: AmountUnit | null;
  region: string | null;
  publishedAt: string;
  updatedAt: string | null;
  tender: TradingTender;
  tenderers: TradingTenderer[];
  awards: TradingAward[];
  contracts: TradingContract[];
  amendment: { id: string; date: string; rationale: string | null; amendsNoticeId: string | null } | null;
  cancellation: { reason: string | null; status: 'cancelled' | 'unsuccessful' } | null;
  parties: TradingParty[];
  /** The contact person and an office line as published; a mobile number masked (the original is in `personal`). */
  contact: { name: string | null; phone: string | null } | null;
}

export interface Money {
  amountWan: number;
  currency: 'CNY';
}

export interface Period {
  startDate?: string;
  endDate?: string;
}

export interface PartyRef {
  id: string;
  name: string;
}

export interface TradingTender {
  /** The project code: the tender of a process is identified by it. */
  id: string;
  title: string;
  status: OcdsTenderStatus;
  /** Budget / 招标控制价 / 起始价, when the notice gives it. */
  value: Money | null;
  procurementMethod: OcdsMethod | null;
  procurementMethodDetails: string | null;
  mainProcurementCategory: OcdsProcurementCategory | null;
  /** From the tender notice's publication to the bid deadline (an amendment may move the end). */
  tenderPeriod: Period | null;
}

export interface TradingTenderer extends PartyRef {
  /** 第一/第二/第三中标候选人, when ranked. */
  rank: number | null;
  bidValue: Money | null;
}

export interface TradingAward {
  id: string;
  /** pending: candidates in their publicity period; active: the result is announced. */
  status: 'pending' | 'active';
  date: string | null;
  suppliers: PartyRef[];
  value: Money | null;
}

export interface TradingContract {
  id: string;
  awardID: string;
  status: 'active';
  value: Money | null;
  period: Period | null;
  dateSigned: string | null;
  implementation: {
    milestones: Array<{ id: string; title: string; type: 'delivery'; status: 'met' | 'notMet'; dateMet: string | null }>;
  } | null;
}

export interface TradingParty extends PartyRef {
  /** OCDS party roles, plus transferor/transferee for sales (tradingTradeTypes.ts). */
  roles: TradingRole[];
  /** Present only for a valid code: the OCDS identifier. */
  identifier: { scheme: 'CN-USCC'; id: string; legalName: string } | null;
  /** The code as the notice gave it (normalised), valid or not, so a bad one stays visible. */
  uscc: { code: string; valid: boolean; reason: string | null } | null;
}
