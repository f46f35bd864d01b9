import { Type, type Static, type TObject, type TProperties } from '@sinclair/typebox';
import { StringEnum } from '../../schemaTypes';
import { atLeastOneGiven, nonBlank, nonBlankValue, optionalText, usccOrBlank } from './sourceFields';

/** The 2019 template's two record kinds name their fields alike under a prefix: XK_ licensing, CF_ penalties. */
export type TemplatePrefix = 'XK' | 'CF';

/** How the 2019 template's category field may be written: the three categories, their older names and codes. */
const PARTY_CATEGORY_TEXTS = [
  '法人及非法人组织',
  '法人',
  '非法人组织',
  '法人和其他组织',
  '法人或其他组织',
  '其他组织',
  '1',
  '01',
  '自然人',
  '个人',
  '2',
  '02',
  '个体工商户',
  '个体户',
  '3',
  '03',
] as const;

/** The category texts that mean a natural person (自然人), who is identified by an ID document, not a registration. */
export const NATURAL_PERSON_CATEGORY = Type.Unsafe<string>({ enum: ['自然人', '个人', '2', '02'] });

/** The party fields of the 2019 template, before their prefix, in the template's order. */
const PARTY_PROPERTIES = {
  /** 行政相对人名称 and 类别. */
  XDR_MC: nonBlank("行政相对人名称: the party's name, not blank"),
  XDR_LB: StringEnum(PARTY_CATEGORY_TEXTS, {
    description: '行政相对人类别: 法人及非法人组织, 自然人 or 个体工商户 (or the codes 1, 2, 3 some systems write)',
  }),
  /** 统一社会信用代码, then the older numbers: 工商注册号, 组织机构代码, 税务登记号, 事业单位证书号, 社会组织登记证号. */
  XDR_SHXYM: Type.Optional(usccOrBlank),
  XDR_GSZC: Type.Optional(optionalText),
  XDR_ZZJG: Type.Optional(optionalText),
  XDR_SWDJ: Type.Optional(optionalText),
  XDR_SYDW: Type.Optional(optionalText),
  XDR_SHZZ: Type.Optional(optionalText),
  /** 法定代表人 and their ID type and number. */
  FRDB: Type.Optional(optionalText),
  FR_ZJLX: Type.Optional(optionalText),
  FR_ZJHM: Type.Optional(optionalText),
  /** A natural person's ID type and number. */
  XDR_ZJLX: Type.Optional(optionalText),
  XDR_ZJHM: Type.Optional(optionalText),
};

/** A party field's name without its prefix, e.g. XDR_MC. */
export type PartyFieldName2019 = keyof typeof PARTY_PROPERTIES;

/** The registration numbers one of which an organisation or 个体工商户 must give. */
const REGISTRATION_FIELDS: readonly PartyFieldName2019[] = ['XDR_SHXYM', 'XDR_GSZC', 'XDR_ZZJG', 'XDR_SWDJ', 'XDR_SYDW', 'XDR_SHZZ'];

type PrefixedProperties<P extends TemplatePrefix> = { [K in PartyFieldName2019 as `${P}_${K}`]: (typeof PARTY_PROPERTIES)[K] };

/** The party fields under a prefix, e.g. XK_XDR_MC or CF_XDR_MC, to spread first into a record's properties. */
export function partyProperties2019<P extends TemplatePrefix>(prefix: P): PrefixedProperties<P> {
  const prefixed: TProperties = {};
  for (const [name, schema] of Object.entries(PARTY_PROPERTIES)) prefixed[`${prefix}_${name}`] = schema;
  return prefixed as PrefixedProperties<P>;
}

/** A 2019 record's party fields under its prefix. */
export type PartyRecord2019<P extends TemplatePrefix> = Static<TObject<PrefixedProperties<P>>>;

/**
 * What STANDARDS.md asks of a party beyond its fields: a natural person gives an ID type and number,
 * anyone else at least one registration number. For a record's `allOf`.
 */
export function partyRules2019(prefix: TemplatePrefix) {
  const field = (name: PartyFieldName2019) => `${prefix}_${name}`;
  const category = field('XDR_LB');
  const idType = field('XDR_ZJLX');
  const idNumber = field('XDR_ZJHM');
  const registrations = REGISTRATION_FIELDS.map(field);
  return [
    {
      description: `An ID type and number (${idType}, ${idNumber}) for a natural person (自然人)`,
      if: { required: [category], properties: { [category]: NATURAL_PERSON_CATEGORY } },
      then: { required: [idType, idNumber], properties: { [idType]: nonBlankValue, [idNumber]: nonBlankValue } },
    },
    {
      description: 'At least one registration number for a legal person, other organisation or 个体工商户',
      if: { required: [category], properties: { [category]: { not: NATURAL_PERSON_CATEGORY } } },
      then: atLeastOneGiven(`One of ${registrations.join(', ')} not blank`, registrations),
    },
  ];
}
