import { FEN_PER_WAN_YUAN, fenFromWanYuan, fenToWanYuan } from '../../src/domain/ppp';
import { findUnmaskedPersonalInfo } from '../../src/domain/masking';

describe('PPP investment: 分 → 万元', () => {
  it('divides by 1,000,000', () => {
    expect(FEN_PER_WAN_YUAN).toBe(1_000_000);
    expect(fenToWanYuan(123456789000)).toBe(123456.789);
  });

  it('worked numbers across the range of real projects (千万 to 百亿 元)', () => {
    // 1,500 万元 = 15,000,000 元 = 1,500,000,000 分: a small car park.
    expect(fenToWanYuan(1_500_000_000)).toBe(1500);
    // 450 亿元 = 4,500,000 万元: a metro line.
    expect(fenToWanYuan(4_500_000_000_000)).toBe(4_500_000);
    // 0.01 万元 = 100 元 = 10,000 分: the precision the library's forms take.
    expect(fenToWanYuan(10_000)).toBe(0.01);
    // A single 分 survives the conversion.
    expect(fenToWanYuan(1)).toBe(0.000001);
    expect(fenToWanYuan(0)).toBe(0);
  });

  it('万元 never reads as a phone number, as an 11-digit 元 amount would', () => {
    // 1,411,931,220,000 分 = 14,119,312,200 元 = 1,411,931.22 万元.
    expect(findUnmaskedPersonalInfo(String(1411931220000 / 100))).toEqual(['14119312200']);
    expect(findUnmaskedPersonalInfo(String(fenToWanYuan(1411931220000)))).toEqual([]);
  });

  it('rejects what is not a whole, non-negative count of 分', () => {
    expect(() => fenToWanYuan(-500)).toThrow(/investCount: -500 is not a whole, non-negative number of 分/);
    expect(() => fenToWanYuan(12.5)).toThrow(/investCount/);
    expect(() => fenToWanYuan(Number.MAX_SAFE_INTEGER + 2)).toThrow(/investCount/);
    expect(() => fenToWanYuan('abc' as unknown as number)).toThrow(/investCount: "abc"/);
  });

  it('万元 → 分 for writers, the inverse on the library precision', () => {
    expect(fenFromWanYuan(123456.79)).toBe(123456790000);
    expect(fenFromWanYuan(0.01)).toBe(10000);
    expect(fenToWanYuan(fenFromWanYuan(98765.43))).toBe(98765.43);
  });
});
