import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from '../../schemaTypes';

/** A parameter's value as the platform writes it (mg/L). */
const parameterValue = Type.String({
  pattern: '^([0-9]+(\\.[0-9]+)?L?|—|-{2})$',
  description: 'A non-negative number in mg/L, a detection limit followed by L, or — when not measured',
});

/** One monitoring result of one surface-water section, as the city's water-monitoring platform writes it. */
export const waterQualityRecordSchema = Type.Object(
  {
    DMBM: Type.String({ pattern: '^[0-9A-Z]{6,12}$', description: 'A section code of 6–12 digits or capitals, such as 23060001' }),
    DMMC: Type.String({ minLength: 1 }),
    SSHL: Type.String({ minLength: 1 }),
    SZLX: StringEnum(['河流', '湖库', '湖泊', '水库'], { description: 'One of 河流, 湖库, 湖泊, 水库' }),
    SSQX: Type.Optional(Type.String()),
    SZMB: Type.String({ pattern: '^\\s*(Ⅰ|Ⅱ|Ⅲ|Ⅳ|Ⅴ|I|II|III|IV|V)类?\\s*$', description: 'A target class Ⅰ–Ⅴ, such as Ⅲ类' }),
    SFYYSYD: Type.Optional(StringEnum(['是', '否'], { description: '是 or 否' })),
    BHQJB: Type.Optional(StringEnum(['一级', '二级', ''], { description: '一级, 二级 or empty' })),
    CYSJ: Type.String({ format: 'date-cn', description: 'A local date-time such as 2026/11/01 09:20' }),
    pH: Type.String({ pattern: '^(((1[0-3]|[0-9])(\\.[0-9]+)?)|14(\\.0+)?|—)$', description: 'A pH between 0 and 14, or — when not measured' }),
    DO: parameterValue,
    CODMn: parameterValue,
    COD: Type.Optional(parameterValue),
    BOD5: Type.Optional(parameterValue),
    'NH3-N': parameterValue,
    TP: parameterValue,
    TN: Type.Optional(parameterValue),
  },
  {
    $comment:
      'One monitoring result of one surface-water section as the city\'s water-monitoring platform writes it. Metadata fields use the platform\'s pinyin codes: DMBM 断面编码, DMMC 断面名称, SSHL 所属河流/湖库, SZLX 水体类型 (河流 or 湖库), SSQX 所属区县, SZMB 水质目标, SFYYSYD 是否饮用水水源地, BHQJB 保护区级别 (一级/二级), CYSJ 采样时间. Parameters (mg/L, pH without unit) are strings under their usual symbols; "0.02L" means below a detection limit of 0.02, "—" not measured.',
    // A drinking-water source is assessed against its protection zone, so it must name one.
    if: { properties: { SFYYSYD: { const: '是' } }, required: ['SFYYSYD'] },
    then: { properties: { BHQJB: { enum: ['一级', '二级'], description: '一级 or 二级 for a drinking-water source' } }, required: ['BHQJB'] },
  },
);

export type WaterQualityRecord = Static<typeof waterQualityRecordSchema>;
