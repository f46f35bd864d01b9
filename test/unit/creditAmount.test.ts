import { parseChineseNumeral, parseWanYuan, penaltyAmountsFromText, yuanToWanYuan } from '../../src/domain/creditAmount';
import { toCapitalNumeral } from '../../samples/credit/chineseNumerals';

describe('yuanToWanYuan', () => {
  it('divides by 10 000: 2000 元 is 0.2 万元, 15 000 元 is 1.5 万元', () => {
    expect(yuanToWanYuan(2000)).toBe(0.2);
    expect(yuanToWanYuan(15000)).toBe(1.5);
    expect(yuanToWanYuan(200)).toBe(0.02);
  });

  it('keeps fen exactly and no binary noise: 1234.56 元 is 0.123456 万元, 300 元 is 0.03 (not 0.030000000000000002)', () => {
    expect(yuanToWanYuan(1234.56)).toBe(0.123456);
    expect(yuanToWanYuan(100 + 200)).toBe(0.03);
  });
});

describe('parseWanYuan — a 万元 field (CF_NR_FK, CF_NR_WFFF)', () => {
  it('a bare number is already 万元: "0.2" stays 0.2, 0.2 stays 0.2', () => {
    expect(parseWanYuan('0.2')).toBe(0.2);
    expect(parseWanYuan(0.2)).toBe(0.2);
    expect(parseWanYuan(' 12.5 ')).toBe(12.5);
  });

  it('an amount with its unit is converted: "2000元" → 0.2, "1.5万元" → 1.5, "0.2万元" → 0.2, "3万" → 3', () => {
    expect(parseWanYuan('2000元')).toBe(0.2);
    expect(parseWanYuan('1.5万元')).toBe(1.5);
    expect(parseWanYuan('0.2万元')).toBe(0.2);
    expect(parseWanYuan('3万')).toBe(3);
  });

  it('reads 人民币, thousands separators, full-width digits and 整', () => {
    expect(parseWanYuan('人民币20,000元')).toBe(2);
    expect(parseWanYuan('人民币２０００元')).toBe(0.2);
    expect(parseWanYuan('5000元整')).toBe(0.5);
  });

  it('reads capital numerals: "人民币贰仟元" → 0.2, "壹万伍仟元整" → 1.5', () => {
    expect(parseWanYuan('人民币贰仟元')).toBe(0.2);
    expect(parseWanYuan('壹万伍仟元整')).toBe(1.5);
  });

  it('gives undefined for blank or unreadable values, and a negative amount as written (the caller refuses it)', () => {
    expect(parseWanYuan('')).toBeUndefined();
    expect(parseWanYuan(null)).toBeUndefined();
    expect(parseWanYuan('两千多元')).toBeUndefined();
    expect(parseWanYuan('N/A')).toBeUndefined();
    expect(parseWanYuan(Number.NaN)).toBeUndefined();
    expect(parseWanYuan('-0.5')).toBe(-0.5);
  });
});

describe('penaltyAmountsFromText — amounts inside 处罚结果 / 处罚内容', () => {
  it('"罚款2000元" → fine 0.2; "罚款人民币2000元" → 0.2; "处2000元罚款" → 0.2', () => {
    expect(penaltyAmountsFromText('罚款2000元')).toEqual({ fine: 0.2 });
    expect(penaltyAmountsFromText('罚款人民币2000元')).toEqual({ fine: 0.2 });
    expect(penaltyAmountsFromText('处2000元罚款')).toEqual({ fine: 0.2 });
  });

  it('tells confiscation from the fine: 没收违法所得1200元，并处罚款20000元 → 0.12 and 2', () => {
    expect(penaltyAmountsFromText('没收违法所得人民币1200元，并处罚款人民币20000元')).toEqual({ confiscation: 0.12, fine: 2 });
    expect(penaltyAmountsFromText('没收违法所得1200元并罚款20,000元')).toEqual({ confiscation: 0.12, fine: 2 });
  });

  it('reads 万元 and capital numerals: 罚款人民币10万元 → 10; 罚款人民币伍万贰仟壹佰元 → 5.21', () => {
    expect(penaltyAmountsFromText('责令停产停业，罚款人民币10万元')).toEqual({ fine: 10 });
    expect(penaltyAmountsFromText('罚款人民币伍万贰仟壹佰元')).toEqual({ fine: 5.21 });
  });

  it('takes the first fine: a second one is for the person in charge, not the party', () => {
    expect(penaltyAmountsFromText('对单位罚款人民币50000元；对直接负责的主管人员罚款人民币5000元')).toEqual({ fine: 5 });
  });

  it('finds nothing where no amount is stated, and returns a negative amount as written', () => {
    expect(penaltyAmountsFromText('警告')).toEqual({});
    expect(penaltyAmountsFromText('没收用于违法经营的工具、设备')).toEqual({});
    expect(penaltyAmountsFromText(undefined)).toEqual({});
    expect(penaltyAmountsFromText('罚款人民币-2000元')).toEqual({ fine: -0.2 });
  });

  it('does not read article numbers or dates as amounts', () => {
    expect(penaltyAmountsFromText('依据第一百二十四条，于2026年3月15日罚款3000元')).toEqual({ fine: 0.3 });
  });
});

describe('parseChineseNumeral', () => {
  it.each([
    ['贰仟', 2000],
    ['壹万伍仟', 15000],
    ['壹万零伍佰', 10500],
    ['壹拾万', 100000],
    ['十五', 15],
    ['一百零五', 105],
    ['两千', 2000],
    ['三亿二千万', 320000000],
  ])('%s → %d', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it('refuses other characters and empty text', () => {
    expect(parseChineseNumeral('贰仟元')).toBeUndefined();
    expect(parseChineseNumeral('')).toBeUndefined();
  });

  it('reads back every number the sample feeds write in capital numerals', () => {
    for (const n of [1, 10, 11, 20, 101, 110, 1001, 1010, 2000, 10000, 10001, 10500, 52100, 99800, 100000, 1000000, 1234567, 99999999]) {
      expect([n, parseChineseNumeral(toCapitalNumeral(n))]).toEqual([n, n]);
    }
    expect(toCapitalNumeral(10500)).toBe('壹万零伍佰');
    expect(toCapitalNumeral(2000)).toBe('贰仟');
  });
});
