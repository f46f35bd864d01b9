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
  /** Normalised (normalizeProjectCode): the project the notice's process belongs to. */
  projectCode: string;
  projectName: string;
  /**
   * The lot (标段/包) the notice is about: a process is one lot of a project, so notices are grouped
   * into processes by project code and lot code. Null when the notice names no lot: the project is
   * not divided, and the project itself is the process.
   */
  lot: NoticeLot | null;
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

export interface NoticeLot {
  /** 标段(包)编号, normalised (normalizeLotCode). */
  code: string;
  /** 标段(包)名称 as the platform wrote it. */
  name: string | null;
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

/**
 * The tender as one notice states it. It is the project's tender (its id is the project code); for a
 * notice about a lot, status and value are the lot's (the OCDS export puts them in `tender.lots`).
 */
export interface TradingTender {
  /** The project code: the tender of a project is identified by it, whatever lot a notice is about. */
  id: string;
  title: string;
  /** The status this notice leaves its lot's (or undivided project's) tender in. */
  status: OcdsTenderStatus;
  /** Budget / 招标控制价 / 起始价 of the notice's lot (or undivided project), when the notice gives it. */
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
