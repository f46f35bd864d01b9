import { Type, type Static } from '@sinclair/typebox';
import { Nullable, StringEnum } from '../../schemaTypes';

/** One self-monitoring result of a key pollutant-discharging unit, as the provincial disclosure platform writes it. */
export const emissionRecordSchema = Type.Object(
  {
    QYMC: Type.String({ minLength: 2 }),
    TYSHXYDM: Type.String({ format: 'uscc', description: 'An 18-character unified social credit code' }),
    SSQX: Type.Optional(Type.String()),
    PFKBH: Type.String({ minLength: 1, description: 'An outlet code such as DA001 or DW001' }),
    PFKMC: Type.String({ minLength: 1 }),
    PFKLX: Type.Optional(StringEnum(['废气', '废水'], { description: '废气 or 废水' })),
    JCXM: Type.String({ minLength: 1 }),
    PFFS: Type.Optional(StringEnum(['有组织', '无组织'], { description: '有组织 or 无组织' })),
    PFGL: Type.Optional(StringEnum(['连续', '间歇'], { description: '连续 or 间歇' })),
    JCFS: Type.Optional(Type.String()),
    JCSJ: Type.String({ format: 'date-cn', description: 'A local date-time such as 2026-11-01 08:00:00' }),
    JCND: Type.Number({ minimum: 0, description: 'A concentration: a number, zero or more' }),
    JLDW: Type.String({ minLength: 1 }),
    BZXZ: Type.Number({ exclusiveMinimum: 0, description: 'A permitted limit: a number above zero' }),
    ZXBZ: Type.String({ minLength: 1 }),
    // The platform's own flag, written many ways; the hub decides exceedance itself (exceedanceFlag.ts).
    SFCB: Type.Optional(StringEnum(['是', '否', '超标', '未超标', '达标', 'Y', 'N', ''], { description: '是 or 否' })),
    CBBS: Type.Optional(Type.String()),
    NPFL: Type.Optional(Nullable(Type.Number({ minimum: 0, description: 'Annual discharge in t: a number, zero or more' }))),
  },
  {
    $comment:
      "One self-monitoring result of a key pollutant-discharging unit (重点排污单位自行监测) as the provincial disclosure platform writes it. Pinyin field codes: QYMC 企业名称, TYSHXYDM 统一社会信用代码, SSQX 所属区县, PFKBH 排放口编号, PFKMC 排放口名称, PFKLX 排放口类型 (废气/废水), JCXM 监测项目 (pollutant), PFFS 排放方式 (有组织/无组织), PFGL 排放规律 (连续/间歇), JCFS 监测方式 (自动监测/手工监测), JCSJ 监测时间, JCND 监测浓度, JLDW 计量单位, BZXZ 标准限值, ZXBZ 执行标准, SFCB 是否超标 (the platform's own flag), CBBS 超标倍数 (as text, — when none), NPFL 年排放量 (t).",
  },
);

export type EmissionRecord = Static<typeof emissionRecordSchema>;
