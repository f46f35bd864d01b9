import { forecastWarning, longestRunAbove, needsWarning, warningGrade, WARNING_AQI_THRESHOLD } from '../../src/domain/pollutionWarning';
import {
  checkWarningSettings,
  gradesForCity,
  overrideWarningSettings,
  type WarningGrade,
  type WarningSettings,
} from '../../src/domain/pollutionWarningGrading';
import { DEFAULT_WARNING_SETTINGS } from '../../connectors/environment/common/warningSettings';

const grades = DEFAULT_WARNING_SETTINGS.default;
const levelOf = (days: number[], table: readonly WarningGrade[] = grades) => warningGrade(days, table)?.level ?? null;

describe('the warning rule: forecast AQI > 200 calls for a warning (docs/standards/aqi.md)', () => {
  it('triggers above 200 only, on any forecast day', () => {
    expect(WARNING_AQI_THRESHOLD).toBe(200);
    expect(needsWarning([200, 200, 200])).toBe(false);
    expect(needsWarning([201])).toBe(true);
    expect(needsWarning([150, 180, 201])).toBe(true);
    expect(needsWarning([])).toBe(false);
  });

  it('rejects what is not a forecast', () => {
    expect(() => needsWarning([120, -1])).toThrow(/≥ 0, got -1/);
    expect(() => needsWarning([Number.NaN])).toThrow(/got NaN/);
  });

  it('counts consecutive days above a threshold', () => {
    expect(longestRunAbove([210, 220, 150, 230, 240, 250], 200)).toBe(3);
    expect(longestRunAbove([210, 150, 210], 200)).toBe(1);
    expect(longestRunAbove([200, 200], 200)).toBe(0);
  });
});

describe('grading by the default table (warningGrading.json)', () => {
  it('is the data file, ascending blue → red', () => {
    expect(grades.map((g) => g.level)).toEqual(['blue', 'yellow', 'orange', 'red']);
    expect(grades.map((g) => g.name)).toEqual(['蓝色预警', '黄色预警', '橙色预警', '红色预警']);
    expect(DEFAULT_WARNING_SETTINGS.basis).toBe('high');
    for (const grade of grades) expect(grade.measures.length).toBeGreaterThan(0);
  });

  it.each<[number[], string | null]>([
    [[150, 180, 200], null],
    [[210, 150, 120], 'blue'],
    [[205, 180, 205], 'blue'], // two one-day episodes are not two days in a row
    [[210, 220, 150], 'yellow'],
    [[210, 220, 230], 'yellow'], // three days, but none above 300
    [[210, 310, 220], 'orange'],
    [[250, 320, 330, 260], 'red'], // four days above 200, two of them above 300
    [[250, 320, 280, 260], 'orange'], // only one day above 300
    [[120, 500, 120], 'red'], // a day reaching 500
    [[120, 499, 120], 'blue'], // 499 does not reach 500, and orange needs three days above 200
  ])('%j → %s', (days, level) => {
    expect(levelOf(days)).toBe(level);
  });
});

describe('grading is a per-city setting', () => {
  // A city whose plan has no blue grade and asks three days for yellow.
  const strict: WarningGrade[] = [
    { level: 'yellow', name: '黄色预警', response: 'Ⅲ级', criteria: [[{ aqiAbove: 200, days: 3 }]], measures: ['停止土石方作业'] },
    { level: 'red', name: '红色预警', response: 'Ⅰ级', criteria: [[{ aqiAbove: 300, days: 2 }]], measures: ['中小学停课'] },
  ];
  const settings = overrideWarningSettings(DEFAULT_WARNING_SETTINGS, { cities: { 大兴安岭地区: strict } });

  it('a city with its own table uses it; the others keep the default', () => {
    expect(gradesForCity(settings, '大兴安岭地区')).toBe(strict);
    expect(gradesForCity(settings, '大庆市')).toBe(DEFAULT_WARNING_SETTINGS.default);
    expect(levelOf([310, 320, 150], strict)).toBe('red');
    expect(levelOf([310, 320, 150])).toBe('yellow');
  });

  it('a forecast above 200 that meets no grade of the city gets its lowest grade, never no warning', () => {
    expect(levelOf([210, 150, 150], strict)).toBe('yellow');
    expect(levelOf([190, 150, 150], strict)).toBeNull();
  });

  it('compares the end of each forecast range that the settings name', () => {
    const ranges = [
      { low: 180, high: 230 },
      { low: 120, high: 160 },
    ];
    expect(forecastWarning(ranges, DEFAULT_WARNING_SETTINGS, '大庆市')?.level).toBe('blue');
    const onLow = overrideWarningSettings(DEFAULT_WARNING_SETTINGS, { basis: 'low' });
    expect(forecastWarning(ranges, onLow, '大庆市')).toBeNull();
    expect(forecastWarning([{ low: 205, high: 240 }], onLow, '大庆市')?.level).toBe('blue');
  });

  it('overriding does not change the defaults', () => {
    expect(Object.keys(DEFAULT_WARNING_SETTINGS.cities)).toEqual([]);
    expect(overrideWarningSettings(DEFAULT_WARNING_SETTINGS, {}).default).toBe(DEFAULT_WARNING_SETTINGS.default);
  });
});

describe('a grading table is checked when it is loaded', () => {
  const base = JSON.parse(JSON.stringify(DEFAULT_WARNING_SETTINGS)) as WarningSettings;
  const withDefault = (table: unknown) => ({ ...base, default: table });

  it.each<[string, unknown, RegExp]>([
    ['a bad basis', { ...base, basis: 'middle' }, /basis must be "low" or "high", got "middle"/],
    ['an empty table', withDefault([]), /default: needs at least one grade/],
    ['an unknown level', withDefault([{ ...base.default[0], level: 'purple' }]), /level must be one of blue, yellow, orange, red, got "purple"/],
    ['grades out of order', withDefault([base.default[1], base.default[0]]), /must ascend by severity \(yellow before blue\)/],
    ['a condition of zero days', withDefault([{ ...base.default[0], criteria: [[{ aqiAbove: 200, days: 0 }]] }]), /whole number ≥ 1/],
    ['a grade without criteria', withDefault([{ ...base.default[0], criteria: [] }]), /needs criteria/],
    ['a bad city table', { ...base, cities: { 大庆市: [] } }, /cities\.大庆市: needs at least one grade/],
  ])('%s', (_, settings, message) => {
    expect(() => checkWarningSettings(settings)).toThrow(message);
  });
});
