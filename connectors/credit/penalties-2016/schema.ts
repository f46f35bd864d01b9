import { Type, type Static } from '@sinclair/typebox';
import { atLeastOneGiven, nonBlank, optionalText, usccOrBlank } from '../schemaFragments/sourceFields';

/** One row of the 2016-era penalty export: old field names, every value a string. */
export const penalty2016RowSchema = Type.Object(
  {
    CF_WSH: nonBlank('行政处罚决定书文号: the decision number, such as 石市监罚〔2016〕123号'),
    /** 案件名称. */
    CF_AJMC: Type.Optional(optionalText),
    /** 处罚类别1 and 处罚类别2. */
    CF_CFLB1: Type.Optional(optionalText),
    CF_CFLB2: Type.Optional(optionalText),
    CF_SY: Type.Optional(optionalText),
    CF_YJ: Type.Optional(optionalText),
    CF_XDR_MC: nonBlank("行政相对人名称: the party's name, not blank"),
    CF_XDR_SHXYM: Type.Optional(usccOrBlank),
    /** 组织机构代码. */
    CF_XDR_ZDM: Type.Optional(optionalText),
    /** 工商登记码. */
    CF_XDR_GSDJ: Type.Optional(optionalText),
    /** 税务登记号. */
    CF_XDR_SWDJ: Type.Optional(optionalText),
    /** A natural person's resident ID number. */
    CF_XDR_SFZ: Type.Optional(optionalText),
    /** 法定代表人 and their resident ID number. */
    CF_FR: Type.Optional(optionalText),
    CF_SFZ: Type.Optional(optionalText),
    /** 处罚结果: free text such as 罚款人民币2000元. */
    CF_JG: Type.Optional(optionalText),
    CF_JDRQ: Type.String({ format: 'date-cn', description: '处罚决定日期: a date such as 2016/5/3, 2016-05-03 or 2016年5月3日' }),
    /** 处罚机关. */
    CF_XZJG: nonBlank("处罚机关: the deciding authority's name, not blank"),
    /** 当前状态: 0 正常 (or blank), 1 撤销, 2 异议, 3 其他. */
    CF_ZT: Type.Optional(optionalText),
    /** 数据更新时间戳. */
    CF_SJC: Type.String({ format: 'date-cn', description: '数据更新时间戳: a local date-time such as 2016/5/3 10:23:45' }),
    BZ: Type.Optional(optionalText),
  },
  {
    $comment:
      'One row of a 2016-era administrative penalty export (行政处罚, the 2016 双公示 format), a GBK CSV: every value is a string and an empty column is "". The format has no party-category or data-source field: the category is read from the numbers the row carries and the deciding authority is its own data source. CF_SFZ is the legal representative\'s ID number, CF_XDR_SFZ a natural person\'s. CF_JG 处罚结果 is free text; amounts are read from it.',
    allOf: [
      atLeastOneGiven(
        "At least one of CF_XDR_SHXYM, CF_XDR_ZDM, CF_XDR_GSDJ, CF_XDR_SWDJ (an organisation's numbers) or CF_XDR_SFZ (a natural person's ID number)",
        ['CF_XDR_SHXYM', 'CF_XDR_ZDM', 'CF_XDR_GSDJ', 'CF_XDR_SWDJ', 'CF_XDR_SFZ'],
      ),
    ],
  },
);

export type Penalty2016Row = Static<typeof penalty2016RowSchema>;
