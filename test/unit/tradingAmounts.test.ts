import { parseAmount, toWanYuan, wanYuanToYuan } from '../../src/domain/trading';

describe('parseAmount', () => {
  it.each<[number | string, ReturnType<typeof parseAmount>]>([
    [1385000, { value: 1385000 }],
    ['1385000.00', { value: 1385000 }],
    ['1,385,000.00', { value: 1385000 }],
    ['138.5万元', { value: 138.5, unit: '万元' }],
    ['1385000元', { value: 1385000, unit: '元' }],
    ['￥1,385,000.50元', { value: 1385000.5, unit: '元' }],
    [' 0 ', { value: 0 }],
  ])('%j', (written, parsed) => {
    expect(parseAmount(written)).toEqual(parsed);
  });

  it.each([['约120万元'], ['-5'], ['1,38,5000'], ['12.5美元'], [''], [Number.NaN], [-1], [Infinity]])('%j is not an amount', (written) => {
    expect(parseAmount(written as number | string)).toBeUndefined();
  });
});

describe('toWanYuan', () => {
  it('divides 元 by 10 000, exactly to the 分', () => {
    expect(toWanYuan('1385000.00', '元')).toBe(138.5);
    expect(toWanYuan(2000, '元')).toBe(0.2);
    expect(toWanYuan('1234567.89', '元')).toBe(123.456789);
    expect(toWanYuan('0.01', '元')).toBe(0.000001);
    expect(toWanYuan('1,385,000.00', '元')).toBe(138.5);
  });

  it('keeps 万元, dropping floating-point noise below the 分', () => {
    expect(toWanYuan(138.5, '万元')).toBe(138.5);
    expect(toWanYuan(0.1 + 0.2, '万元')).toBe(0.3);
    expect(toWanYuan('5100.50', '万元')).toBe(5100.5);
  });

  it('a unit written after the figure wins over the declared one', () => {
    expect(toWanYuan('138.5万元', '元')).toBe(138.5);
    expect(toWanYuan('1385000元', '万元')).toBe(138.5);
    expect(toWanYuan('138.5万元')).toBe(138.5);
  });

  it('says why when the amount cannot be read or has no unit', () => {
    expect(() => toWanYuan('约120万元', '万元')).toThrow(/amount "约120万元" is not a non-negative number of 元 or 万元/);
    expect(() => toWanYuan(1385000)).toThrow(/amount 1385000 has no unit/);
  });
});

describe('wanYuanToYuan', () => {
  it('gives the OCDS amount in 元, to the 分', () => {
    expect(wanYuanToYuan(138.5)).toBe(1385000);
    expect(wanYuanToYuan(123.456789)).toBe(1234567.89);
    expect(wanYuanToYuan(0.000001)).toBe(0.01);
    expect(wanYuanToYuan(toWanYuan('1234567.89', '元'))).toBe(1234567.89);
  });
});
