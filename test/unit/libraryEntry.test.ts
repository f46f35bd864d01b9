import * as hub from '../../src';
import { HUB_COMPONENTS } from '../../app/components';

describe('library entry (src/index.ts)', () => {
  test('exports the domain rules with the signatures of docs/design.md', () => {
    const aqi = hub.computeAqi({ pm25_24h: 100, pm10_24h: 120 });
    expect(aqi).toMatchObject({ aqi: 132, level: 3, category: '轻度污染', primaryPollutants: ['pm25'], exceedingPollutants: ['pm25'] });
    expect(hub.validateUscc(' 914403001922038216 ')).toMatchObject({ valid: true, normalized: '914403001922038216' });
    expect(hub.classifyWaterQuality({ nh3n: 1.2, do: 6.5 })).toMatchObject({ class: 'IV', limitingParameters: ['nh3n'] });
    expect(hub.maskPersonalInfo('110101199003071234', 'idNumber')).toBe('110101********1234');
  });

  test('exports the functions that start the server and run a sync', () => {
    expect(typeof hub.startHub).toBe('function');
    expect(typeof hub.runSync).toBe('function');
    expect(typeof hub.syncStream).toBe('function');
    // The engine names no connector: the composition root (app/) hands the built-in ones to startHub.
    expect(HUB_COMPONENTS.connectors.map((c) => c.name)).toContain('environment');
  });
});
