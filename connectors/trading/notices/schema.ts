import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from '../../schemaTypes';

const uscc = Type.String({ format: 'uscc', description: 'An 18-character unified social credit code' });

/** A local China time without an offset, as every time field of a notice is written. */
const localTime = Type.String({ format: 'date-cn', description: 'A local date or date-time such as 2026-03-02 09:30:00' });

/** An amount in the notice's `amountUnit` unless its text names the unit. */
const amount = Type.Unsafe<number | string>({
  type: ['number', 'string'],
  minimum: 0,
  pattern: '^[¥￥]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\\.[0-9]+)?(?:元|万元)?$',
  description: 'A non-negative amount: a number, or digits with optional thousands separators and 元 or 万元',
});

/** An applicant who prequalified, a candidate with its rank and bid, or a bidder. */
const tendererSchema = Type.Object({
  name: Type.String({ minLength: 2 }),
  code: Type.Optional(uscc),
  bidAmount: Type.Optional(amount),
  rank: Type.Optional(Type.Integer({ minimum: 1, description: 'A candidate rank of 1 or more' })),
});

/** 中标人/成交供应商, or for sales 竞得人/受让方. */
const winnerSchema = Type.Object({
  name: Type.String({ minLength: 2 }),
  code: Type.Optional(uscc),
  amount: Type.Optional(amount),
});

/**
 * One notice as the trading platform's list API writes it. Every notice carries the project's
 * identity and parties; the fields of its own type come on top. Amounts are numbers or text, all in
 * `amountUnit` (政府采购 writes 元; 工程建设 and land write 万元) unless the text names its unit.
 * Times are local China time without an offset.
 */
export const tradingNoticeRecordSchema = Type.Object(
  {
    noticeId: Type.String({ minLength: 1, description: "The platform's notice number, such as GG202603020001201" }),
    /**
     * 01 招标/采购公告 … 08 终止/废标公告; older notices have only a name or a title. Typed as text:
     * the codes are the notice type catalogue's (src/domain/tradingNoticeTypes.ts), configuration the
     * mapping looks up rather than a fixed union.
     */
    noticeTypeCode: Type.Optional(
      Type.String({ enum: ['01', '02', '03', '04', '05', '06', '07', '08'], description: 'A notice type code from 01 (招标/采购公告) to 08 (终止/废标公告)' }),
    ),
    noticeTypeName: Type.Optional(Type.String({ minLength: 2 })),
    noticeTitle: Type.String({ minLength: 4, description: 'A notice title of at least 4 characters' }),
    /** 项目编号/招标编号: shared by every notice of one project, whatever lot it is about. */
    projectCode: Type.String({ minLength: 3, description: 'A project or tender code (项目编号/招标编号) such as DQCG-2026-0012' }),
    projectName: Type.String({ minLength: 2 }),
    /**
     * 标段(包)编号: the lot the notice is about. Notices of one process share project and lot code;
     * a notice without one is about an undivided project.
     */
    lotCode: Type.Optional(Type.String({ minLength: 1, description: 'A lot code (标段(包)编号) such as DQJS-2026-0012-001' })),
    /** 标段(包)名称. */
    lotName: Type.Optional(Type.String({ minLength: 1 })),
    /** 交易类型. */
    tradeType: StringEnum(['工程建设', '政府采购', '土地使用权', '产权交易'], { description: 'One of 工程建设, 政府采购, 土地使用权, 产权交易' }),
    /** 采购方式/招标方式/出让方式 (公开招标, 竞争性磋商, 挂牌出让 …). */
    procurementMethod: Type.Optional(Type.String({ minLength: 2 })),
    /** 政府采购 only. */
    purchaseCategory: Type.Optional(StringEnum(['货物', '服务', '工程'], { description: 'One of 货物, 服务, 工程' })),
    region: Type.Optional(Type.String()),
    regionCode: Type.Optional(Type.String({ pattern: '^[0-9]{6}$', description: 'A six-digit GB/T 2260 division code' })),
    platformName: Type.Optional(Type.String()),
    /** 采购人/招标人, or for sales 出让人/转让方. */
    buyerName: Type.String({ minLength: 2 }),
    buyerCode: Type.Optional(uscc),
    /** 代理机构; absent when the buyer runs the process itself (自行招标). */
    agencyName: Type.Optional(Type.String({ minLength: 2 })),
    agencyCode: Type.Optional(uscc),
    amountUnit: Type.Optional(StringEnum(['元', '万元'], { description: "The unit of the notice's amounts, 元 or 万元" })),
    /** 预算金额/招标控制价, or for sales 起始价/挂牌底价. */
    budget: Type.Optional(amount),
    /** 投标截止时间 (= 开标时间), or for sales 挂牌截止时间. */
    bidDeadline: Type.Optional(localTime),
    tenderers: Type.Optional(Type.Array(tendererSchema, { description: 'A list of tenderers, each with a name' })),
    winners: Type.Optional(Type.Array(winnerSchema, { description: 'A list of winners, each with a name' })),
    awardDate: Type.Optional(localTime),
    contractNo: Type.Optional(Type.String({ minLength: 1 })),
    contractAmount: Type.Optional(amount),
    signDate: Type.Optional(localTime),
    contractStart: Type.Optional(localTime),
    contractEnd: Type.Optional(localTime),
    acceptanceDate: Type.Optional(localTime),
    acceptanceResult: Type.Optional(StringEnum(['合格', '不合格'], { description: '合格 or 不合格' })),
    amendedNoticeId: Type.Optional(Type.String()),
    amendReason: Type.Optional(Type.String()),
    cancelReason: Type.Optional(Type.String()),
    contactPerson: Type.Optional(Type.String()),
    /** The office's or the clerk's line: stored as written, served through maskPersonalInfo. */
    contactPhone: Type.Optional(
      Type.String({ pattern: '^[0-9+() -]{7,20}$', description: 'A telephone number such as 0459-4612345 or 13812345678' }),
    ),
    publishTime: localTime,
    /** Set when the platform corrected the notice after publishing it. */
    updateTime: Type.Optional(localTime),
    url: Type.Optional(Type.String()),
  },
  {
    $comment:
      'One notice of a public resource trading platform (公共资源交易平台) as its list API writes it: 招标/采购公告, 资格预审结果, 更正公告, 中标候选人公示, 中标/成交结果公告, 合同公告, 履约/验收信息, 终止/废标公告. Notices of one process share projectCode and lotCode. Amounts are in amountUnit (元 or 万元) unless their text names the unit; times are local China time.',
  },
);

export type TradingNoticeRecord = Static<typeof tradingNoticeRecordSchema>;
export type NoticeTenderer = Static<typeof tendererSchema>;
export type NoticeWinner = Static<typeof winnerSchema>;
