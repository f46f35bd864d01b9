/**
 * One notice as the trading platform's list API writes it (schema.json is the same, as JSON Schema).
 * Every notice carries the project's identity and parties; the fields of its own type come on top.
 * Amounts are numbers or text, all in `amountUnit` (政府采购 writes 元; 工程建设 and land write 万元)
 * unless the text names its unit. Times are local China time without an offset.
 */
export interface TradingNoticeRecord {
  noticeId: string;
  /** 01 招标/采购公告 … 08 终止/废标公告; older notices have only a name or a title. */
  noticeTypeCode?: string;
  noticeTypeName?: string;
  noticeTitle: string;
  /** 项目编号/招标编号: shared by every notice of one process. */
  projectCode: string;
  projectName: string;
  /** 交易类型: 工程建设, 政府采购, 土地使用权, 产权交易. */
  tradeType: string;
  /** 采购方式/招标方式/出让方式 (公开招标, 竞争性磋商, 挂牌出让 …). */
  procurementMethod?: string;
  /** 政府采购 only: 货物, 服务 or 工程. */
  purchaseCategory?: string;
  region?: string;
  regionCode?: string;
  platformName?: string;
  /** 采购人/招标人, or for sales 出让人/转让方. */
  buyerName: string;
  buyerCode?: string;
  /** 代理机构; absent when the buyer runs the process itself (自行招标). */
  agencyName?: string;
  agencyCode?: string;
  amountUnit?: '元' | '万元';
  /** 预算金额/招标控制价, or for sales 起始价/挂牌底价. */
  budget?: number | string;
  /** 投标截止时间 (= 开标时间), or for sales 挂牌截止时间. */
  bidDeadline?: string;
  /** Applicants who prequalified, candidates with their ranks and bids, or bidders. */
  tenderers?: Array<{ name: string; code?: string; bidAmount?: number | string; rank?: number }>;
  /** 中标人/成交供应商, or for sales 竞得人/受让方. */
  winners?: Array<{ name: string; code?: string; amount?: number | string }>;
  awardDate?: string;
  contractNo?: string;
  contractAmount?: number | string;
  signDate?: string;
  contractStart?: string;
  contractEnd?: string;
  acceptanceDate?: string;
  acceptanceResult?: '合格' | '不合格';
  amendedNoticeId?: string;
  amendReason?: string;
  cancelReason?: string;
  contactPerson?: string;
  /** Personal information: stored for matching, served masked. */
  contactPhone?: string;
  publishTime: string;
  /** Set when the platform corrected the notice after publishing it. */
  updateTime?: string;
  url?: string;
}

export type NoticeTenderer = NonNullable<TradingNoticeRecord['tenderers']>[number];
export type NoticeWinner = NonNullable<TradingNoticeRecord['winners']>[number];
