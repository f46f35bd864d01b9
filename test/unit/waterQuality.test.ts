import {
  WATER_CLASSES,
  WaterClass,
  WaterParameter,
  classifyWaterQuality,
  compareWaterClasses,
  exceedanceMultiple,
  waterClassRank,
  worseWaterClass,
} from '../../src/domain/waterQuality';

const classOf = (p: Parameters<typeof classifyWaterQuality>[0], waterBody?: 'river' | 'lake') =>
  classifyWaterQuality(p, { waterBody }).class;

describe('class ordering', () => {
  it('orders I < II < III < IV < V < 劣V', () => {
    expect(WATER_CLASSES).toEqual(['I', 'II', 'III', 'IV', 'V', '劣V']);
    expect(WATER_CLASSES.map(waterClassRank)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(compareWaterClasses('II', 'IV')).toBeLessThan(0);
    expect(compareWaterClasses('劣V', 'V')).toBeGreaterThan(0);
    expect(compareWaterClasses('III', 'III')).toBe(0);
    expect(worseWaterClass('II', 'IV')).toBe('IV');
    expect(worseWaterClass('劣V', 'I')).toBe('劣V');
    const shuffled: WaterClass[] = ['V', 'I', '劣V', 'III', 'II', 'IV'];
    expect([...shuffled].sort(compareWaterClasses)).toEqual(WATER_CLASSES);
    expect(() => waterClassRank('VI' as WaterClass)).toThrow(/Unknown water quality class 'VI'/);
  });
});

describe('classifyWaterQuality — each class by a single parameter (rivers)', () => {
  // [parameter, value, class]: values on a limit belong to that limit's class ("≤"/"≥"),
  // values just past it to the next class.
  it.each<[WaterParameter, number, WaterClass]>([
    ['codmn', 1, 'I'],
    ['codmn', 2, 'I'],
    ['codmn', 2.1, 'II'],
    ['codmn', 4, 'II'],
    ['codmn', 6, 'III'],
    ['codmn', 10, 'IV'],
    ['codmn', 15, 'V'],
    ['codmn', 15.1, '劣V'],
    ['cod', 15, 'I'], // I and II share the limit 15: the better class applies
    ['cod', 16, 'III'],
    ['cod', 20, 'III'],
    ['cod', 30, 'IV'],
    ['cod', 40, 'V'],
    ['cod', 41, '劣V'],
    ['bod5', 3, 'I'],
    ['bod5', 3.5, 'III'],
    ['bod5', 6, 'IV'],
    ['bod5', 10, 'V'],
    ['bod5', 10.5, '劣V'],
    ['nh3n', 0.15, 'I'],
    ['nh3n', 0.16, 'II'],
    ['nh3n', 0.5, 'II'],
    ['nh3n', 1.0, 'III'],
    ['nh3n', 1.2, 'IV'],
    ['nh3n', 1.5, 'IV'],
    ['nh3n', 2.0, 'V'],
    ['nh3n', 2.01, '劣V'],
    ['tp', 0.02, 'I'],
    ['tp', 0.1, 'II'],
    ['tp', 0.2, 'III'],
    ['tp', 0.3, 'IV'],
    ['tp', 0.4, 'V'],
    ['tp', 0.41, '劣V'],
  ])('%s = %p → %s', (parameter, value, expected) => {
    expect(classOf({ [parameter]: value })).toBe(expected);
  });
});

describe('classifyWaterQuality — dissolved oxygen is a lower bound', () => {
  it.each<[number, WaterClass]>([
    [9, 'I'],
    [7.5, 'I'],
    [7.4, 'II'],
    [6, 'II'],
    [5, 'III'],
    [4, 'IV'],
    [3, 'IV'],
    [2.5, 'V'],
    [2, 'V'],
    [1.9, '劣V'],
    [0, '劣V'],
  ])('DO %p → %s', (value, expected) => {
    expect(classOf({ do: value })).toBe(expected);
  });
});

describe('classifyWaterQuality — pH', () => {
  it.each<[number, WaterClass]>([
    [5.5, '劣V'],
    [5.99, '劣V'],
    [6, 'I'],
    [7.2, 'I'],
    [9, 'I'],
    [9.5, '劣V'],
  ])('pH %p alone → %s', (ph, expected) => {
    expect(classOf({ ph })).toBe(expected);
  });

  it('pH outside 6–9 makes otherwise clean water 劣V, and pH is the limiting parameter', () => {
    const r = classifyWaterQuality({ ph: 5.5, do: 8, nh3n: 0.1 });
    expect(r.class).toBe('劣V');
    expect(r.limitingParameters).toEqual(['ph']);
    expect(classifyWaterQuality({ ph: 9.5, codmn: 1 }).class).toBe('劣V');
  });

  it('pH inside 6–9 never worsens the class', () => {
    const r = classifyWaterQuality({ ph: 7, nh3n: 1.2 });
    expect(r.class).toBe('IV');
    expect(r.limitingParameters).toEqual(['nh3n']);
  });
});

describe('classifyWaterQuality — worst class and limiting parameters', () => {
  it('the class is the worst single-parameter class', () => {
    const r = classifyWaterQuality({ ph: 7.5, do: 8, codmn: 5, nh3n: 1.2, tp: 0.05 });
    expect(r.parameterClasses).toEqual({ ph: 'I', do: 'I', codmn: 'III', nh3n: 'IV', tp: 'II' });
    expect(r.class).toBe('IV');
    expect(r.limitingParameters).toEqual(['nh3n']);
  });

  it('lists every parameter at the worst class', () => {
    const r = classifyWaterQuality({ do: 2.5, cod: 35, nh3n: 0.3, tp: 0.35 });
    expect(r.class).toBe('V');
    expect(r.limitingParameters).toEqual(['do', 'cod', 'tp']);
  });

  it('several parameters worse than V are all limiting', () => {
    const r = classifyWaterQuality({ codmn: 20, bod5: 12, nh3n: 0.4 });
    expect(r.class).toBe('劣V');
    expect(r.limitingParameters).toEqual(['codmn', 'bod5']);
  });

  it('all class I: every classified parameter is limiting', () => {
    const r = classifyWaterQuality({ do: 8, codmn: 1.5 });
    expect(r.class).toBe('I');
    expect(r.limitingParameters).toEqual(['do', 'codmn']);
  });

  it('missing values (null, undefined, NaN) are skipped', () => {
    const r = classifyWaterQuality({ do: null, codmn: NaN, nh3n: undefined, cod: 18 });
    expect(r.class).toBe('III');
    expect(Object.keys(r.parameterClasses)).toEqual(['cod']);
  });
});

describe('classifyWaterQuality — rivers and lakes', () => {
  it('river is the default water body', () => {
    expect(classifyWaterQuality({ tp: 0.15 }).class).toBe('III');
  });

  it('total phosphorus: lakes have stricter limits than rivers', () => {
    // TP 0.08: river limits 0.02/0.1 → II; lake limits 0.05/0.1 → IV
    expect(classOf({ tp: 0.08 }, 'river')).toBe('II');
    expect(classOf({ tp: 0.08 }, 'lake')).toBe('IV');
    // TP 0.15: river III, lake V; TP 0.25: river IV, lake 劣V
    expect(classOf({ tp: 0.15 }, 'river')).toBe('III');
    expect(classOf({ tp: 0.15 }, 'lake')).toBe('V');
    expect(classOf({ tp: 0.25 }, 'river')).toBe('IV');
    expect(classOf({ tp: 0.25 }, 'lake')).toBe('劣V');
    expect(classOf({ tp: 0.01 }, 'lake')).toBe('I');
    expect(classOf({ tp: 0.025 }, 'lake')).toBe('II');
  });

  it.each<[number, WaterClass]>([
    [0.2, 'I'],
    [0.5, 'II'],
    [1.0, 'III'],
    [1.5, 'IV'],
    [2.0, 'V'],
    [2.1, '劣V'],
  ])('lake TN %p is classed on its own as %s, a reference indicator (环办〔2011〕22号)', (tn, expected) => {
    const r = classifyWaterQuality({ tn, nh3n: 0.1 }, { waterBody: 'lake' });
    expect(r.referenceClasses).toEqual({ tn: expected });
    expect(r.class).toBe('I');
  });

  it('TN is not assessed for rivers (listed in ignoredParameters)', () => {
    const r = classifyWaterQuality({ tn: 5, nh3n: 0.1 }, { waterBody: 'river' });
    expect(r.class).toBe('I');
    expect(r.limitingParameters).toEqual(['nh3n']);
    expect(r.ignoredParameters).toEqual(['tn']);
    expect(r.parameterClasses.tn).toBeUndefined();
    expect(r.referenceClasses).toEqual({});
  });

  it('TN never sets a lake’s class nor limits it: it is reported beside the class', () => {
    const r = classifyWaterQuality({ tn: 5, nh3n: 0.1 }, { waterBody: 'lake', targetClass: 'III' });
    expect(r).toMatchObject({ class: 'I', limitingParameters: ['nh3n'], referenceClasses: { tn: '劣V' }, ignoredParameters: [], exceedances: [] });
    expect(r.parameterClasses.tn).toBeUndefined();
  });

  it('the reservoir of docs/standards/water-quality.md is class III by TP, its TN class IV beside it', () => {
    const r = classifyWaterQuality({ do: 6.5, codmn: 3.8, nh3n: 0.4, tp: 0.04, tn: 1.3 }, { waterBody: 'lake' });
    expect(r).toMatchObject({ class: 'III', limitingParameters: ['tp'], referenceClasses: { tn: 'IV' } });
  });

  it('TN alone cannot class a water, river or lake', () => {
    expect(() => classifyWaterQuality({ tn: 1 })).toThrow(/TN does not set a class/);
    expect(() => classifyWaterQuality({ tn: 1 }, { waterBody: 'lake' })).toThrow(/TN does not set a class/);
  });

  it('an unknown water body is an error', () => {
    expect(() => classifyWaterQuality({ tp: 0.1 }, { waterBody: 'sea' as 'lake' })).toThrow(
      /waterBody must be 'river' or 'lake'/,
    );
  });
});

describe('exceedanceMultiple', () => {
  it('(measured − limit) / limit against the target class', () => {
    expect(exceedanceMultiple('nh3n', 1.5, 'III', 'river')).toBe(0.5); // limit 1.0
    expect(exceedanceMultiple('nh3n', 3, 'III', 'river')).toBe(2);
    expect(exceedanceMultiple('codmn', 9, 'III', 'river')).toBe(0.5); // limit 6
  });

  it('is free of floating-point noise', () => {
    // (0.3 − 0.2) / 0.2 is 0.49999999999999994 in doubles
    expect(exceedanceMultiple('tp', 0.3, 'III', 'river')).toBe(0.5);
    expect(exceedanceMultiple('nh3n', 1.1, 'III', 'river')).toBe(0.1);
  });

  it('uses the water body: TP 0.08 in a lake vs class III limit 0.05 → 0.6', () => {
    expect(exceedanceMultiple('tp', 0.08, 'III', 'lake')).toBe(0.6);
    expect(exceedanceMultiple('tp', 0.08, 'III', 'river')).toBe(0);
  });

  it('dissolved oxygen (a lower bound): (limit − measured) / limit', () => {
    expect(exceedanceMultiple('do', 2.5, 'III', 'river')).toBe(0.5); // limit 5
    expect(exceedanceMultiple('do', 6, 'III', 'river')).toBe(0);
  });

  it('0 when within the limit, including exactly at it', () => {
    expect(exceedanceMultiple('nh3n', 1.0, 'III', 'river')).toBe(0);
    expect(exceedanceMultiple('nh3n', 0.2, 'III', 'river')).toBe(0);
    expect(exceedanceMultiple('do', 5, 'III', 'river')).toBe(0);
  });

  it('null when no multiple is defined: pH, TN for rivers', () => {
    expect(exceedanceMultiple('ph', 10, 'III', 'river')).toBeNull();
    expect(exceedanceMultiple('tn', 3, 'III', 'river')).toBeNull();
    expect(exceedanceMultiple('tn', 1.5, 'III', 'lake')).toBe(0.5);
  });

  it('defaults to rivers and rejects bad arguments', () => {
    expect(exceedanceMultiple('tp', 0.3, 'III')).toBe(0.5);
    expect(() => exceedanceMultiple('nh3n', 1, '劣V' as 'V')).toThrow(/target class must be one of/);
    expect(() => exceedanceMultiple('nh3n', -1, 'III')).toThrow(/nh3n must not be negative/);
    expect(() => exceedanceMultiple('zn' as WaterParameter, 1, 'III')).toThrow(/Unknown water quality parameter 'zn'/);
  });
});

describe('exceedanceMultiple precision', () => {
  it('keeps full precision apart from float noise (no display rounding)', () => {
    // (50 − 30) / 30 and (6 − 4) / 6
    expect(exceedanceMultiple('cod', 50, 'IV', 'river')).toBeCloseTo(2 / 3, 10);
    expect(exceedanceMultiple('do', 4, 'II', 'river')).toBeCloseTo(1 / 3, 10);
  });
});

describe('classifyWaterQuality — exceedances against a target class', () => {
  it('lists the parameters failing the target with their limit and multiple', () => {
    const r = classifyWaterQuality(
      { ph: 9.5, do: 4, nh3n: 1.5, tp: 0.1, codmn: 5 },
      { targetClass: 'III' },
    );
    expect(r.class).toBe('劣V');
    expect(r.exceedances).toEqual([
      { parameter: 'ph', value: 9.5, limit: null, multiple: null },
      { parameter: 'do', value: 4, limit: 5, multiple: 0.2 },
      { parameter: 'nh3n', value: 1.5, limit: 1, multiple: 0.5 },
    ]);
  });

  it('no exceedances when the target is met; none reported without a target', () => {
    expect(classifyWaterQuality({ nh3n: 0.4 }, { targetClass: 'II' }).exceedances).toEqual([]);
    expect(classifyWaterQuality({ nh3n: 0.4 }).exceedances).toBeUndefined();
  });

  it('drinking-water source zones: first-grade needs II, second-grade III', () => {
    const sample = { nh3n: 0.8, do: 6.5 };
    expect(classifyWaterQuality(sample, { targetClass: 'II' }).exceedances).toEqual([
      { parameter: 'nh3n', value: 0.8, limit: 0.5, multiple: 0.6 },
    ]);
    expect(classifyWaterQuality(sample, { targetClass: 'III' }).exceedances).toEqual([]);
  });
});

describe('classifyWaterQuality — errors', () => {
  it('no parameter given', () => {
    expect(() => classifyWaterQuality({})).toThrow(/needs at least one of ph, do, codmn/);
    expect(() => classifyWaterQuality({ do: null, tp: NaN })).toThrow(/needs at least one/);
  });

  it('negative and non-finite values name the parameter', () => {
    expect(() => classifyWaterQuality({ codmn: -0.1 })).toThrow(/codmn must not be negative/);
    expect(() => classifyWaterQuality({ cod: Infinity })).toThrow(/cod must be a finite number/);
  });
});
