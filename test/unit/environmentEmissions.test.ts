import { emissionExceedance, flagDisagreement } from '../../src/domain/emissions';
import { readExceedanceFlag, readSourceMultiple } from '../../connectors/environment/emissions/exceedanceFlag';
import { normalizeUnit } from '../../connectors/environment/emissions/units';
import type { EmissionRecord } from '../../connectors/environment/emissions/schema';
import { emissions, FLAG_DISAGREEMENT_MARKER } from '../../connectors/environment/emissions/stream';
import { MAPPING } from '../helpers/mapping';

describe('exceedance is computed from concentration and limit (docs/standards/emissions.md)', () => {
  it.each<[number, number, boolean, number]>([
    [67.5, 50, true, 0.35], // (67.5 − 50) / 50
    [50, 50, false, 0], // at the limit meets it: limits are maxima
    [49.9, 50, false, 0],
    [35.2, 35, true, 0.00571428571429], // 0.2 / 35, to 12 significant digits
    [0.6, 0.5, true, 0.2], // not 0.19999999999999996
    [120, 60, true, 1],
    [0, 10, false, 0],
  ])('%d against a limit of %d: exceeds %s, multiple %d', (concentration, limit, exceeds, multiple) => {
    expect(emissionExceedance(concentration, limit)).toEqual({ exceeds, multiple });
  });

  it('refuses numbers that cannot be a result or a limit', () => {
    expect(() => emissionExceedance(-1, 50)).toThrow(/concentration must be zero or more, got -1/);
    expect(() => emissionExceedance(Number.NaN, 50)).toThrow(/concentration must be a finite number/);
    expect(() => emissionExceedance(10, 0)).toThrow(/limit must be greater than zero, got 0/);
  });
});

describe("the source's own flag is compared with the hub's finding", () => {
  it('reports a disagreement both ways, and nothing when they agree or the source says nothing', () => {
    expect(flagDisagreement(false, true)).toEqual({ source: false, computed: true });
    expect(flagDisagreement(true, false)).toEqual({ source: true, computed: false });
    expect(flagDisagreement(true, true)).toBeNull();
    expect(flagDisagreement(false, false)).toBeNull();
    expect(flagDisagreement(null, true)).toBeNull();
  });

  it('reads the ways platforms write 是否超标 and 超标倍数', () => {
    expect(['是', '超标', 'Y', 'y'].map(readExceedanceFlag)).toEqual([true, true, true, true]);
    expect(['否', '未超标', '达标', 'N'].map(readExceedanceFlag)).toEqual([false, false, false, false]);
    expect(readExceedanceFlag('')).toBeNull();
    expect(readExceedanceFlag(undefined)).toBeNull();
    expect(() => readExceedanceFlag('不详')).toThrow(/"不详" is not 是 or 否/);
    expect(readSourceMultiple('0.35')).toBe(0.35);
    expect(readSourceMultiple('—')).toBeNull();
    expect(readSourceMultiple('')).toBeNull();
  });

  it('normalises the ways units are written', () => {
    expect(['mg/m3', 'mg/Nm3', '毫克/立方米'].map(normalizeUnit)).toEqual(['mg/m³', 'mg/m³', 'mg/m³']);
    expect(['mg/L', 'mg/l', '毫克/升'].map(normalizeUnit)).toEqual(['mg/L', 'mg/L', 'mg/L']);
    expect(normalizeUnit('kg/h')).toBe('kg/h');
  });
});

describe('the emissions mapping', () => {
  const result: EmissionRecord = {
    QYMC: '大庆庆恒热力有限公司',
    TYSHXYDM: '91230602128765432Y',
    SSQX: '大庆市萨尔图区',
    PFKBH: 'DA001',
    PFKMC: '燃煤锅炉废气排放口',
    PFKLX: '废气',
    JCXM: '二氧化硫',
    PFFS: '有组织',
    PFGL: '连续',
    JCFS: '自动监测',
    JCSJ: '2026-11-01 08:00:00',
    JCND: 405,
    JLDW: 'mg/m3',
    BZXZ: 300,
    ZXBZ: 'GB 13271-2014',
    SFCB: '是',
    CBBS: '0.35',
    NPFL: 28.4,
  };

  it('maps an exceedance the source reports: computed and source agree', () => {
    const d = emissions.toDisclosure(result, MAPPING);
    expect(d.kind).toBe('emission-result');
    expect(d.subject).toEqual({ uscc: '91230602128765432Y', name: '大庆庆恒热力有限公司' });
    expect(d.region).toBe('大庆市萨尔图区');
    expect(d.attributes).toMatchObject({
      outlet: { code: 'DA001', name: '燃煤锅炉废气排放口', medium: '废气' },
      pollutant: '二氧化硫',
      dischargeMethod: { organisation: '有组织', pattern: '连续' },
      concentration: { value: 405, unit: 'mg/m³', unitAsWritten: 'mg/m3' },
      limit: { value: 300, unit: 'mg/m³', standard: 'GB 13271-2014' },
      exceeds: true,
      exceedanceMultiple: 0.35,
      source: { exceeds: true, multiple: 0.35, multipleAsWritten: '0.35' },
      flagsAgree: true,
      annualTotal: { value: 28.4, unit: 't' },
    });
    expect(d.attributes).not.toHaveProperty('flagDisagreement');
    expect(d.title).toContain('超标0.35倍');
  });

  it('reports an exceedance the source calls 否, and makes it findable', () => {
    const d = emissions.toDisclosure({ ...result, SFCB: '否', CBBS: '—' }, MAPPING);
    expect(d.status).toBe('published');
    expect(d.attributes).toMatchObject({ exceeds: true, flagsAgree: false, flagDisagreement: { source: false, computed: true } });
    expect(d.searchText).toContain(FLAG_DISAGREEMENT_MARKER);
  });

  it('reports a result at the limit that the source calls 是', () => {
    const d = emissions.toDisclosure({ ...result, JCND: 300, SFCB: '是', CBBS: '0.00' }, MAPPING);
    expect(d.attributes).toMatchObject({ exceeds: false, exceedanceMultiple: 0, flagDisagreement: { source: true, computed: false } });
  });

  it('keys a result by unit, outlet, pollutant and time, whichever way the code and time are written', () => {
    const key = emissions.key(result);
    expect(emissions.key({ ...result, TYSHXYDM: ' 91230602128765432Y '.toLowerCase(), JCSJ: '2026/11/01 08:00' })).toBe(key);
    expect(emissions.key({ ...result, JCXM: '氮氧化物' })).not.toBe(key);
  });
});
