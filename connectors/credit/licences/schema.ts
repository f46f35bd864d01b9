import { Type, type Static } from '@sinclair/typebox';
import { partyProperties2019, partyRules2019 } from '../schemaFragments/party2019';
import { nonBlank, optionalText, usccOrBlank } from '../schemaFragments/sourceFields';

/** One licensing decision in the 2019 双公示 template (STANDARDS.md §3), plus SJC. */
export const licenceRecordSchema = Type.Object(
  {
    ...partyProperties2019('XK'),
    /** 行政许可决定文书名称 and 文书号. */
    XK_XKWS: Type.Optional(optionalText),
    XK_WSH: nonBlank('行政许可决定文书号: the decision number, such as 石审批食经许〔2026〕123号'),
    /** 许可类别: 普通, 特许, 认可, 核准, 登记, 其他. */
    XK_XKLB: Type.Optional(optionalText),
    /** 许可证书名称 and 许可编号. */
    XK_XKZS: Type.Optional(optionalText),
    XK_XKBH: Type.Optional(optionalText),
    XK_NR: Type.Optional(optionalText),
    XK_JDRQ: Type.String({ format: 'date-cn', description: '许可决定日期: a date such as 2026-03-15 or 2026年3月15日' }),
    /** 有效期自 and 有效期至 (a date, or 长期). */
    XK_YXQZ: Type.Optional(optionalText),
    XK_YXQZI: Type.Optional(optionalText),
    XK_XKJG: nonBlank("许可机关: the deciding authority's name, not blank"),
    XK_XKJGDM: Type.Optional(usccOrBlank),
    /** 当前状态. */
    XK_ZT: Type.Optional(optionalText),
    XK_LYDW: nonBlank('数据来源单位: the body that reported the record, not blank'),
    XK_LYDWDM: Type.Optional(usccOrBlank),
    BZ: Type.Optional(optionalText),
    /** 数据更新时间: when the platform last stored the record. */
    SJC: Type.String({ format: 'date-cn', description: '数据更新时间: a local date-time such as 2026-03-15 10:23:45' }),
  },
  {
    $comment:
      'One administrative licensing decision (行政许可) in the 2019 双公示 template, as the credit platform\'s paged API writes it (STANDARDS.md §3), plus SJC, the platform\'s update time. Blank optional fields may be "", null or absent. Mandatory per STANDARDS.md\'s sensible reading: party name and category, decision number and date, deciding authority, data source; a legal person needs a registration number, a natural person an ID type and number.',
    allOf: partyRules2019('XK'),
  },
);

export type LicenceRecord = Static<typeof licenceRecordSchema>;
