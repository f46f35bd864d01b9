import { wanYuanToYuan, type Money, type Period as StoredPeriod } from '../domain/trading';
import { compact } from './compact';
import type { Period, Value } from './types';

/** Stored amounts are in 万元; an OCDS Value is in the currency's unit, 元, to the 分. */
export function valueOf(money: Money | null | undefined): Value | undefined {
  if (!money) return undefined;
  return { amount: wanYuanToYuan(money.amountWan), currency: 'CNY' };
}

export function periodOf(period: StoredPeriod | null | undefined): Period | undefined {
  if (!period || (!period.startDate && !period.endDate)) return undefined;
  return compact({ startDate: period.startDate, endDate: period.endDate });
}
