/**
 * Investment amounts of the PPP project library. The library writes investCount in 分 (fen), so
 * 1 万元 = 10,000 元 = 1,000,000 分 (STANDARDS.md §5). The unified model serves amounts in 万元.
 */

export const FEN_PER_YUAN = 100;
export const FEN_PER_WAN_YUAN = 1_000_000;

export interface Investment {
  /** 万元, the unit the hub serves amounts in: 123456789000 分 → 123456.789. */
  wanYuan: number;
  /** 元: 123456789000 分 → 1234567890. */
  yuan: number;
}

/**
 * 分 → 万元 and 元. Dividing the integer count once keeps the result exact to the last 分 as far as
 * a double can show it (123456789000 / 1e6 prints 123456.789); going through 元 first would round twice.
 * A negative, fractional or unsafe count is not an amount in 分 and throws.
 */
export function investmentFromFen(fen: number): Investment {
  if (typeof fen !== 'number' || !Number.isSafeInteger(fen) || fen < 0) {
    throw new Error(`investCount: ${JSON.stringify(fen)} is not a whole, non-negative number of 分`);
  }
  return { wanYuan: fen / FEN_PER_WAN_YUAN, yuan: fen / FEN_PER_YUAN };
}

/** 万元 → 分, for writers of the source format (the sample feed): 0.01 万元 → 10000 分. */
export function fenFromWanYuan(wanYuan: number): number {
  return Math.round(wanYuan * FEN_PER_WAN_YUAN);
}
