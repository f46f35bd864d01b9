import { Type, type Static } from '@sinclair/typebox';
import type { PppCodeValue } from '../../../src/connectorKit';
import { Nullable } from '../../schemaTypes';

/**
 * A code of the library's code tables. The API writes codes as strings ("1"); dumps written by
 * other tools carry them as numbers, which mean the same, so both are listed and both are typed.
 */
function code(values: readonly string[], description: string) {
  return Type.Unsafe<PppCodeValue>({ enum: [...values, ...values.map(Number)], description });
}

/** As `code`, for the implementation plan's codes, which are null until the plan settles them. */
function codeOrNull(values: readonly string[], description: string) {
  return Type.Unsafe<PppCodeValue | null>({ enum: [...values, ...values.map(Number), null], description });
}

const usccOrNull = Nullable(Type.String({ format: 'uscc', description: 'A unified social credit code of 18 characters' }));

/** A listing as a demonstration project: the batch and the level (国家级, 省级, 市级). */
const demonstrationListingSchema = Type.Object({
  batchNumber: Type.Unsafe<PppCodeValue>({
    type: ['string', 'integer'],
    pattern: '^(-1|[1-9][0-9]?)$',
    description: 'A batch number 1–99, or -1 when the batch is not known',
  }),
  exampleLevel: code(['0', '1', '2'], 'A demonstration level: 0 国家级, 1 省级, 2 市级'),
});

/** 实施方案: present from the preparation stage on. */
const implementationPlanSchema = Type.Object({
  socialPurchaseWay: Type.Optional(
    codeOrNull(['1', '2', '3', '4', '5'], 'A procurement method code: 1 公开招标, 2 竞争性谈判, 3 邀请招标, 4 竞争性磋商, 5 单一来源'),
  ),
  /** 政府参与方式: 1 a government equity representative holds shares, 2 no government equity. */
  govInvestType: Type.Optional(codeOrNull(['1', '2'], 'A government participation code: 1 政府出资代表参股, 2 政府不参股')),
  /** 政府出资代表 and its share of the project company, in percent. */
  govInvestOrgName: Type.Optional(Nullable(Type.String())),
  govInvestOrgCode: Type.Optional(usccOrNull),
  govShareRatio: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 100, description: 'A share in percent, 0–100' }))),
});

/** 社会资本方: a partner procured. */
const partnerSchema = Type.Object({
  socialCapitalName: Type.String({ minLength: 2, description: "A partner's name" }),
  socialCapitalCode: Type.Optional(usccOrNull),
});

/**
 * One project of the 财政部 PPP 综合信息平台项目库, as its public API returns it (STANDARDS.md §5).
 * Fields the library's published field list does not name (implementing agency, government
 * participation, partners, contract date, update time) carry names of our choosing, in its style;
 * see connectors/ppp/README.md.
 */
export const pppProjectRecordSchema = Type.Object(
  {
    /** The platform's id of the project: its detail page (projectDetail/<id>) and the hub's key. */
    projRid: Type.String({
      pattern: '^\\s*[0-9A-Fa-f]{32}\\s*$',
      description: "The platform's project id: 32 hexadecimal digits, such as 91fe736c280a47b183e2727b40cc8dc4",
    }),
    projNo: Type.String({
      pattern: '^[0-9A-Za-z-]{6,32}$',
      description: 'A project number of 6–32 digits, letters or dashes, such as 2306222016000042',
    }),
    projName: Type.String({ minLength: 2, description: 'A project name of at least two characters' }),
    distProvinceName: Type.String({ minLength: 2, description: 'A province name such as 黑龙江省' }),
    distCityName: Type.String({ minLength: 2, description: 'A city name such as 大庆市' }),
    /** Empty or null for a city-level (市本级) project. */
    distName: Type.Optional(Nullable(Type.String())),
    industryRequiredName: Type.String({ minLength: 1, description: 'A first-level industry such as 市政工程' }),
    industryOptionalName: Type.Optional(Nullable(Type.String())),
    /** 项目概况: the library's overview of the project, free text the implementing agency writes. */
    projOverview: Type.Optional(Nullable(Type.String())),
    /** Total investment in 分: 1 万元 = 1,000,000 分. */
    investCount: Type.Integer({ minimum: 0, description: 'A whole, non-negative amount in 分 (1 万元 = 1,000,000 分)' }),
    projState: code(['0', '1', '2', '3', '4'], 'A stage code: 0 识别, 1 准备, 2 采购, 3 执行, 4 移交'),
    returnMode: code(['1', '2', '3'], 'A return mechanism code: 1 政府付费, 2 使用者付费, 3 可行性缺口补助'),
    operateMode: code(
      ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
      'An operation mode code: 1 BOT, 2 TOT, 3 ROT, 4 BOO, 5 TOT+BOT, 6 TOT+BOO, 7 O&M, 8 MC, 9 其他',
    ),
    /** Years. */
    cooperationTerm: Type.Integer({ minimum: 1, maximum: 99, description: 'A cooperation term in whole years (1–99)' }),
    /** 发起时间: when the project was initiated. */
    startTime: Type.String({ format: 'date-cn', description: 'A date such as 2016-03-15 (发起时间)' }),
    /** 1 demonstration project, 2 none. */
    example: code(['1', '2'], '1 for a demonstration project, 2 for none'),
    exampleList: Type.Optional(Nullable(Type.Array(demonstrationListingSchema))),
    /** The agency's contact person and phone: public, except a mobile number (docs/standards/privacy.md). */
    linkUname: Type.Optional(Nullable(Type.String())),
    linkTel: Type.Optional(Nullable(Type.String())),
    /** 实施机构: the government body that implements the project. */
    implOrgName: Type.String({ minLength: 2, description: "The implementing agency's name (实施机构)" }),
    implOrgCode: Type.Optional(usccOrNull),
    implPlanInfo: Type.Optional(Nullable(implementationPlanSchema)),
    /** 社会资本方: the partner(s) procured, present from the execution stage on. */
    socialCapitalList: Type.Optional(Nullable(Type.Array(partnerSchema))),
    /** 合同签署时间: when the PPP contract was signed. */
    contractSignTime: Type.Optional(Nullable(Type.String({ format: 'date-cn', description: 'A date such as 2018-06-30 (合同签署时间)' }))),
    /** When the library last changed the project: the incremental position. */
    updateTime: Type.String({ format: 'date-cn', description: 'A local date-time such as 2026-01-05 09:00:00 (更新时间)' }),
  },
  {
    $comment:
      'One project of the 财政部 PPP 综合信息平台项目库 as its public API returns it (STANDARDS.md §5). projRid is the platform\'s project id (proj_rid in its search results). investCount is in 分 (1 万元 = 1,000,000 分). Codes are strings such as "1"; re-serialised dumps write them as numbers, which are accepted. projRid, projOverview, implOrg*, implPlanInfo.govInvest*, socialCapitalList, contractSignTime and updateTime are named by us (connectors/ppp/README.md).',
  },
);

export type PppProjectRecord = Static<typeof pppProjectRecordSchema>;

export type ImplementationPlan = Static<typeof implementationPlanSchema>;
