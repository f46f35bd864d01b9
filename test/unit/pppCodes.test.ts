import {
  PPP_STAGES,
  canonicalCode,
  decodeExampleLevel,
  decodeGovParticipation,
  decodeOperateMode,
  decodePurchaseWay,
  decodeReturnMode,
  decodeStage,
} from '../../src/domain/ppp';

describe('PPP code decoding', () => {
  it('operateMode: every code 1–9 to its name', () => {
    const names = ['BOT', 'TOT', 'ROT', 'BOO', 'TOT+BOT', 'TOT+BOO', 'O&M', 'MC', '其他'];
    names.forEach((name, i) => expect(decodeOperateMode(String(i + 1))).toEqual({ code: String(i + 1), name }));
  });

  it('returnMode: 1 政府付费, 2 使用者付费, 3 可行性缺口补助', () => {
    expect(decodeReturnMode('1')).toEqual({ code: '1', name: '政府付费' });
    expect(decodeReturnMode('2')).toEqual({ code: '2', name: '使用者付费' });
    expect(decodeReturnMode('3')).toEqual({ code: '3', name: '可行性缺口补助' });
  });

  it('projState: 1 准备, 2 采购, 3 执行, with 识别 (0) before and 移交 (4) after', () => {
    expect(decodeStage('0')).toEqual({ code: '0', name: '识别' });
    expect(decodeStage('1')).toEqual({ code: '1', name: '准备' });
    expect(decodeStage('2')).toEqual({ code: '2', name: '采购' });
    expect(decodeStage('3')).toEqual({ code: '3', name: '执行' });
    expect(decodeStage('4')).toEqual({ code: '4', name: '移交' });
    // The codes keep the stages' order, so "later stage" is a comparison of codes.
    expect(Object.values(PPP_STAGES)).toEqual(['识别', '准备', '采购', '执行', '移交']);
  });

  it('socialPurchaseWay: 1 公开招标 … 5 单一来源', () => {
    expect(['1', '2', '3', '4', '5'].map((c) => decodePurchaseWay(c).name)).toEqual(['公开招标', '竞争性谈判', '邀请招标', '竞争性磋商', '单一来源']);
  });

  it('exampleLevel: 0 国家级, 1 省级, 2 市级', () => {
    expect(decodeExampleLevel('0')).toEqual({ code: '0', name: '国家级' });
    expect(decodeExampleLevel('1')).toEqual({ code: '1', name: '省级' });
    expect(decodeExampleLevel('2')).toEqual({ code: '2', name: '市级' });
  });

  it('government participation: 1 equity representative holds shares, 2 none', () => {
    expect(decodeGovParticipation('1')).toEqual({ code: '1', name: '政府出资代表参股' });
    expect(decodeGovParticipation('2')).toEqual({ code: '2', name: '政府不参股' });
  });

  it('a code written as a number or with blanks is the same code, kept as a string', () => {
    expect(decodeOperateMode(1)).toEqual({ code: '1', name: 'BOT' });
    expect(decodeStage(' 3 ')).toEqual({ code: '3', name: '执行' });
    expect(canonicalCode(4)).toBe('4');
    expect(canonicalCode(1.5)).toBeUndefined();
    expect(canonicalCode(null)).toBeUndefined();
  });

  it('an unknown code throws, naming the field, the value and the known codes', () => {
    expect(() => decodeOperateMode('12')).toThrow(/operateMode: unknown code "12"; known codes are 1 BOT, 2 TOT/);
    expect(() => decodeOperateMode(12)).toThrow(/operateMode: unknown code 12/);
    expect(() => decodeReturnMode('0')).toThrow(/returnMode/);
    expect(() => decodeStage('5')).toThrow(/projState.*0 识别.*4 移交/);
    expect(() => decodeStage(null)).toThrow(/projState: unknown code null/);
    expect(() => decodeExampleLevel('3')).toThrow(/exampleLevel/);
  });
});
