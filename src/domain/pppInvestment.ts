/**
 * Investment amounts of the PPP project library. The library writes investCount in 分 (fen), so
 * 1 万元 = 10,000 元 = 1,000,000 分 (docs/standards/ppp.md). The unified model serves amounts in 万元.
 *
 * Decision: only 万元 is served, not 元 as well. Amounts of 1亿–10亿 元 are 11-digit integers
 * starting with 1 (14119312200 元), which leak scanners rightly cannot tell from a mobile number;
 * 万元 never is one, and it is the unit every other amount in the hub uses.
 */

export const FEN_PER_WAN_YUAN = 1_000_000;

/**
 * 分 → 万元: 123456789000 分 → 123456.789. One division of the integer count keeps the result as
 * exact as a double can show it. A negative, fractional or unsafe count is not an amount in 分.
 */
export function fenToWanYuan(fen: number): number {
  if (typeof fen !== 'number' || !Number.isSafeInteger(fen) || fen < 0) {
    throw new Error(`investCount: ${JSON.stringify(fen)} is not a whole, non-negative number of 分`);
  }
  return fen / FEN_PER_WAN_YUAN;
}

/** 万元 → 分, for writers of the source format (the sample feed): 0.01 万元 → 10000 分. */
export function fenFromWanYuan(wanYuan: number): number {
  return Math.round(wanYuan * FEN_PER_WAN_YUAN);
}
