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

  it('classes TN only for lakes and reservoirs', () => {
    const values = { ...clean, tp: 0.02, tn: 1.8 };
    expect(assessWaterSection({ values, waterBody: 'lake', targetClass: 'III', protectionZone: null })).toMatchObject({ class: 'V', limitingParameters: ['tn'] });
    const river = assessWaterSection({ values, waterBody: 'river', targetClass: 'III', protectionZone: null });
    expect(river).toMatchObject({ class: 'I', ignoredParameters: ['tn'] });
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
    DMBM: '13010001',
    DMMC: '岗南水库坝前',
    SSHL: '岗南水库',
    SZLX: '湖库',
    SSQX: '平山县',
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
    TN: '0.45',
  };

  it('classes a reservoir as a lake, reads Chinese class numerals, marks values below the detection limit', () => {
    const d = waterQuality.toDisclosure(record, MAPPING);
    expect(d.kind).toBe('water-quality');
    expect(d.attributes).toMatchObject({
      section: { code: '13010001', name: '岗南水库坝前', water: '岗南水库', waterBody: 'lake' },
      samplingTime: '2026-11-01 09:00:00',
      targetClass: 'II',
      drinkingWaterSource: true,
      protectionZone: '一级',
      values: { ph: 8.05, do: 9.6, codmn: 2.4, cod: 10, nh3n: 0.0125, tp: 0.04, tn: 0.45 },
      belowDetectionLimit: ['nh3n'],
      class: 'III',
      limitingParameters: ['tp'],
      meetsTarget: false,
      drinkingWater: { zone: '一级', requiredClass: 'II', meets: false },
      flags: ['below-target', 'drinking-water-source-fails'],
    });
    expect(attributesOf(d, 'water-quality').values).not.toHaveProperty('bod5');
    expect(d.title).toBe('岗南水库坝前断面 2026-11-01 水质Ⅲ类，未达到Ⅱ类目标，饮用水水源地一级保护区水质不达标');
    expect(d.searchText).toContain('饮用水水源地一级保护区水质不达标');
  });

  it('a river section meeting its target carries no flags', () => {
    const d = waterQuality.toDisclosure({ ...record, DMMC: '小觉', SSHL: '滹沱河', SZLX: '河流', SFYYSYD: '否', BHQJB: '', TP: '0.08' }, MAPPING);
    expect(d.attributes).toMatchObject({ class: 'II', meetsTarget: true, drinkingWaterSource: false, drinkingWater: null, flags: [] });
    expect(d.title).toBe('滹沱河小觉断面 2026-11-01 水质Ⅱ类');
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
