import { assessWaterSection } from '../../src/domain/waterSectionAssessment';
import { checkDrinkingWaterSource, PROTECTION_ZONE_CLASS } from '../../src/domain/drinkingWaterSource';
import type { WaterQualityRecord } from '../../connectors/environment/water-quality/schema';
import { waterQuality } from '../../connectors/environment/water-quality/stream';
import { classText, parseTargetClass } from '../../connectors/environment/water-quality/waterClassText';
import { readWaterValue } from '../../connectors/environment/water-quality/waterValue';
import { MAPPING } from '../helpers/mapping';
import { attributesOf } from '../../src/domain/contract';

const clean = { ph: 7.8, do: 9, codmn: 1.8, cod: 12, bod5: 2, nh3n: 0.1 };

describe('a section is classed by its water body (GB 3838-2002, docs/standards/water-quality.md)', () => {
  it('TP 0.08 is class IV in a lake or reservoir, class II in a river', () => {
    const lake = assessWaterSection({ values: { ...clean, tp: 0.08 }, waterBody: 'lake', targetClass: 'III', protectionZone: null });
    const river = assessWaterSection({ values: { ...clean, tp: 0.08 }, waterBody: 'river', targetClass: 'III', protectionZone: null });
    expect(lake).toMatchObject({ class: 'IV', limitingParameters: ['tp'], meetsTarget: false });
    expect(lake.exceedanceMultiples.tp).toBe(0.6); // (0.08 − 0.05) / 0.05
    expect(lake.exceedances).toEqual([{ parameter: 'tp', value: 0.08, limit: 0.05, multiple: 0.6 }]);
    expect(river).toMatchObject({ class: 'II', limitingParameters: ['tp'], meetsTarget: true, exceedances: [] });
    expect(river.exceedanceMultiples.tp).toBe(0);
  });

  it('classes a lake’s TN on its own, beside the class, and never assesses a river’s (环办〔2011〕22号)', () => {
    const values = { ...clean, tp: 0.02, tn: 1.8 };
    const lake = assessWaterSection({ values, waterBody: 'lake', targetClass: 'III', protectionZone: null });
    // TP 0.02 is class II in a lake; TN 1.8 would be class V, but it is a reference indicator.
    expect(lake).toMatchObject({ class: 'II', limitingParameters: ['tp'], referenceClasses: { tn: 'V' }, meetsTarget: true, exceedances: [] });
    expect(lake.exceedanceMultiples).not.toHaveProperty('tn');
    const river = assessWaterSection({ values, waterBody: 'river', targetClass: 'III', protectionZone: null });
    expect(river).toMatchObject({ class: 'I', ignoredParameters: ['tn'], referenceClasses: {} });
    expect(river.exceedanceMultiples).not.toHaveProperty('tn');
  });

  it('gives every classified parameter its multiple against the target: DO below, pH none', () => {
    const a = assessWaterSection({ values: { ph: 7.5, do: 4, nh3n: 1.5, codmn: 5 }, waterBody: 'river', targetClass: 'III', protectionZone: null });
    expect(a.class).toBe('IV');
    expect(a.limitingParameters).toEqual(['do', 'nh3n']);
    expect(a.exceedanceMultiples).toEqual({ ph: null, do: 0.2, codmn: 0, nh3n: 0.5 }); // (5 − 4) / 5, (1.5 − 1.0) / 1.0
  });
});

describe('drinking-water sources must meet their protection zone', () => {
  it('first-grade zones need class II, second-grade zones class III', () => {
    expect(PROTECTION_ZONE_CLASS).toEqual({ 一级: 'II', 二级: 'III' });
    expect(checkDrinkingWaterSource('一级', 'III')).toEqual({ zone: '一级', requiredClass: 'II', meets: false });
    expect(checkDrinkingWaterSource('一级', 'I')).toEqual({ zone: '一级', requiredClass: 'II', meets: true });
    expect(checkDrinkingWaterSource('二级', 'III')).toEqual({ zone: '二级', requiredClass: 'III', meets: true });
    expect(checkDrinkingWaterSource('二级', '劣V').meets).toBe(false);
    expect(() => checkDrinkingWaterSource('三级' as never, 'II')).toThrow(/一级 or 二级/);
  });

  it('a first-grade source at class III is flagged even when the section target is III', () => {
    const a = assessWaterSection({ values: { ...clean, tp: 0.04 }, waterBody: 'lake', targetClass: 'III', protectionZone: '一级' });
    expect(a).toMatchObject({ class: 'III', meetsTarget: true, drinkingWater: { zone: '一级', requiredClass: 'II', meets: false } });
  });

  it('a section that is not a source has no drinking-water check', () => {
    expect(assessWaterSection({ values: clean, waterBody: 'river', targetClass: 'III', protectionZone: null }).drinkingWater).toBeNull();
  });
});

describe('the water-quality mapping', () => {
  const record: WaterQualityRecord = {
    DMBM: '23060001',
    DMMC: '大庆水库取水口',
    SSHL: '大庆水库',
    SZLX: '湖库',
    SSQX: '让胡路区',
    SZMB: 'Ⅱ类',
    SFYYSYD: '是',
    BHQJB: '一级',
    CYSJ: '2026/11/01 09:00',
    pH: '8.05',
    DO: '9.6',
    CODMn: '2.4',
    COD: '10',
    BOD5: '—',
    'NH3-N': '0.025L',
    TP: '0.040',
    TN: '1.30',
  };

  it('classes a reservoir as a lake, its TN beside the class, reads Chinese class numerals, marks values below the detection limit', () => {
    const d = waterQuality.toDisclosure(record, MAPPING);
    expect(d.kind).toBe('water-quality');
    expect(d.attributes).toMatchObject({
      section: { code: '23060001', name: '大庆水库取水口', water: '大庆水库', waterBody: 'lake', district: '让胡路区' },
      samplingTime: '2026-11-01 09:00:00',
      targetClass: 'II',
      drinkingWaterSource: true,
      protectionZone: '一级',
      values: { ph: 8.05, do: 9.6, codmn: 2.4, cod: 10, nh3n: 0.0125, tp: 0.04, tn: 1.3 },
      belowDetectionLimit: ['nh3n'],
      class: 'III',
      limitingParameters: ['tp'],
      referenceClasses: { tn: 'IV' },
      meetsTarget: false,
      drinkingWater: { zone: '一级', requiredClass: 'II', meets: false },
      flags: ['below-target', 'drinking-water-source-fails'],
    });
    expect(attributesOf(d, 'water-quality').values).not.toHaveProperty('bod5');
    expect(d.title).toBe('大庆水库取水口断面 2026-11-01 水质Ⅲ类，未达到Ⅱ类目标，饮用水水源地一级保护区水质不达标');
    expect(d.publisher).toBe('大庆市生态环境局');
    expect(d.region).toBe('让胡路区');
    expect(d.searchText).toContain('饮用水水源地一级保护区水质不达标');
  });

  it('a river section meeting its target carries no flags', () => {
    const d = waterQuality.toDisclosure({ ...record, DMMC: '肇源段', SSHL: '嫩江', SZLX: '河流', SSQX: '肇源县', SFYYSYD: '否', BHQJB: '', TP: '0.08' }, MAPPING);
    expect(d.attributes).toMatchObject({ class: 'II', meetsTarget: true, drinkingWaterSource: false, drinkingWater: null, flags: [], ignoredParameters: ['tn'], referenceClasses: {} });
    expect(d.title).toBe('嫩江肇源段断面 2026-11-01 水质Ⅱ类');
  });

  it('names the city’s ecology authority as it was called when the sample was taken: 大庆市环境保护局 before 2019', () => {
    expect(waterQuality.toDisclosure({ ...record, CYSJ: '2018/12/31 09:00' }, MAPPING).publisher).toBe('大庆市环境保护局');
    expect(waterQuality.toDisclosure({ ...record, CYSJ: '2019/01/01 09:00' }, MAPPING).publisher).toBe('大庆市生态环境局');
  });

  it('keys a result by section and sampling time, whichever way the time is written', () => {
    expect(waterQuality.key({ ...record, CYSJ: '2026-11-01 09:00:00' })).toBe(waterQuality.key(record));
  });

  it('reads target classes and lab values as sources write them', () => {
    expect(['Ⅲ类', 'Ⅲ', 'III', ' iv类 ', 'Ⅴ'].map(parseTargetClass)).toEqual(['III', 'III', 'III', 'IV', 'V']);
    expect(() => parseTargetClass('Ⅵ类')).toThrow(/not one of Ⅰ–Ⅴ/);
    expect(['I', 'III', '劣V'].map((c) => classText(c as never))).toEqual(['Ⅰ类', 'Ⅲ类', '劣Ⅴ类']);
    expect(readWaterValue('0.01L')).toEqual({ value: 0.005, belowDetectionLimit: true });
    expect(readWaterValue('0.31')).toEqual({ value: 0.31, belowDetectionLimit: false });
    expect(readWaterValue('—')).toBeUndefined();
    expect(readWaterValue(undefined)).toBeUndefined();
  });
});
