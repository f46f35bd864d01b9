import { decodeCode, decodeExampleLevel, canonicalCode, PPP_EXAMPLE_FLAGS, type DecodedCode } from './pppCodes';

/**
 * Demonstration status of a PPP project (示范项目): the `example` flag and the listings in
 * `exampleList`, each a batch (批次) at a level (国家级 / 省级 / 市级).
 */
export interface DemonstrationListing {
  batch: DecodedCode;
  level: DecodedCode;
}

export interface Demonstration {
  isDemonstration: boolean;
  flag: DecodedCode;
  listings: DemonstrationListing[];
}

/** What the library writes for a listing whose batch it does not know. */
const NO_BATCH = '-1';
const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * A batch number as the library writes it ("3", or "-1" for 无批次信息) → 第三批. Batches are
 * counted per level (the national lists had four batches, provinces keep their own), so any
 * positive number is accepted rather than a fixed list.
 */
export function decodeBatch(value: unknown): DecodedCode {
  const code = canonicalCode(value);
  if (code === NO_BATCH) return { code, name: '无批次信息' };
  if (code === undefined || !/^[1-9][0-9]?$/.test(code)) {
    throw new Error(`exampleList.batchNumber: ${JSON.stringify(value)} is not a batch number (1–99, or -1 for none)`);
  }
  return { code, name: `第${chineseNumber(Number(code))}批` };
}

/** 1–99 in Chinese numerals: 3 → 三, 10 → 十, 12 → 十二, 20 → 二十, 21 → 二十一. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`chineseNumber: ${n} is outside 1–99`);
  const tens = Math.floor(n / 10);
  const units = n % 10;
  if (tens === 0) return NUMERALS[units];
  return `${tens === 1 ? '' : NUMERALS[tens]}十${NUMERALS[units]}`;
}

/**
 * Decision: a project flagged as no demonstration keeps no listings even if the feed carries some
 * (the flag is what the platform shows); a project flagged as one with an empty list is kept as a
 * demonstration project without listings — the flag is the fact, the list its detail.
 */
export function decodeDemonstration(
  example: unknown,
  exampleList: ReadonlyArray<{ batchNumber: unknown; exampleLevel: unknown }> | null | undefined,
): Demonstration {
  const flag = decodeCode(PPP_EXAMPLE_FLAGS, example, 'example');
  const isDemonstration = flag.code === '1';
  const listings = isDemonstration
    ? (exampleList ?? []).map((e) => ({ batch: decodeBatch(e.batchNumber), level: decodeExampleLevel(e.exampleLevel) }))
    : [];
  return { isDemonstration, flag, listings };
}
