import * as domain from '../../src/domain';

describe('src/domain index', () => {
  it('re-exports the public domain functions', () => {
    for (const name of [
      'computeAqi',
      'aqiCategory',
      'getAqiStandard',
      'validateUscc',
      'usccCheckCharacter',
      'gb11714CheckCharacter',
      'classifyWaterQuality',
      'exceedanceMultiple',
      'waterClassRank',
      'maskPersonalInfo',
      'maskIdNumber',
      'maskPhone',
      'maskAddress',
      'findUnmaskedPersonalInfo',
      'maskPersonalInfoInText',
    ] as const) {
      expect([name, typeof domain[name]]).toEqual([name, 'function']);
    }
    expect(domain.DEFAULT_AQI_STANDARD).toBe('HJ 633-2012');
    expect(Object.keys(domain.AQI_STANDARDS)).toEqual(['HJ 633-2012']);
  });

  it('works end to end through the index', () => {
    expect(domain.computeAqi({ pm25_24h: 100 }).aqi).toBe(132);
    expect(domain.validateUscc('914403001922038216').valid).toBe(true);
    expect(domain.classifyWaterQuality({ nh3n: 1.2 }).class).toBe('IV');
    expect(domain.maskPersonalInfo('13812345678', 'phone')).toBe('138****5678');
  });
});
