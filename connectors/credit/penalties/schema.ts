import { Type, type Static } from '@sinclair/typebox';
import { partyProperties2019, partyRules2019 } from '../schemaFragments/party2019';
import { nonBlank, optionalText, usccOrBlank } from '../schemaFragments/sourceFields';

/** An amount in 万元: platforms write a number, or text with or without its unit. */
const wanYuan = Type.Unsafe<string | number | null>({
  type: ['string', 'number', 'null'],
  minimum: 0,
  pattern: '^\\s*((人民币)?\\s*[0-9]+(\\.[0-9]+)?\\s*(万元|万|元)?)?\\s*$',
  description: 'An amount in 万元: a non-negative number such as 0.2 (罚款2000元), or an amount with its unit such as 2000元',
});

/** One administrative penalty in the 2019 双公示 template (STANDARDS.md §3), plus SJC. */
export const penaltyRecordSchema = Type.Object(
  {
    ...partyProperties2019('CF'),
    CF_WSH: nonBlank('行政处罚决定书文号: the decision number, such as 石市监罚〔2026〕123号'),
    CF_WFXW: Type.Optional(optionalText),
    CF_SY: Type.Optional(optionalText),
    CF_YJ: Type.Optional(optionalText),
    CF_CFLB: Type.Optional(optionalText),
    CF_NR: Type.Optional(optionalText),
    /** 罚款金额 in 万元 ("0.2" for 罚款2000元). */
    CF_NR_FK: Type.Optional(wanYuan),
    /** 没收违法所得、没收非法财物的金额 in 万元. */
    CF_NR_WFFF: Type.Optional(wanYuan),
    CF_NR_ZKDX: Type.Optional(optionalText),
    CF_JDRQ: Type.String({ format: 'date-cn', description: '处罚决定日期: a date such as 2026-03-15 or 2026年3月15日' }),
    CF_YXQ: Type.Optional(optionalText),
    CF_GSJZQ: Type.Optional(optionalText),
    CF_CFJG: nonBlank("处罚机关: the deciding authority's name, not blank"),
    CF_CFJGDM: Type.Optional(usccOrBlank),
    CF_SJLY: nonBlank('数据来源单位: the body that reported the record, not blank'),
    CF_SJLYDM: Type.Optional(usccOrBlank),
    BZ: Type.Optional(optionalText),
    /** 数据更新时间: when the platform last stored the record. */
    SJC: Type.String({ format: 'date-cn', description: '数据更新时间: a local date-time such as 2026-03-15 10:23:45' }),
  },
  {
    $comment:
      'One administrative penalty (行政处罚) in the 2019 双公示 template, as the credit platform\'s paged API writes it (STANDARDS.md §3), plus SJC, the platform\'s update time. Amounts CF_NR_FK and CF_NR_WFFF are in 万元. Blank optional fields may be "", null or absent. Mandatory per STANDARDS.md\'s sensible reading: party name and category, decision number and date, deciding authority, data source; a legal person needs a registration number, a natural person an ID type and number.',
    allOf: partyRules2019('CF'),
  },
);

export type PenaltyRecord = Static<typeof penaltyRecordSchema>;
