import { DEFAULT_CITY } from '../../src/connectorKit';
import type { CityDepartment } from '../kit/cityDepartments';
import { random } from '../kit/random';
import { LOCAL_SHARE, SPENDING, STAFF_ITEMS, SUBJECT_NAMES } from './subjects';

/**
 * A department's figures for one year, in 分 (integers, so sums are exact and every amount in 元
 * has two decimals). A final account (决算) follows its budget (预算): most items spent a little
 * under budget, the 三公 expenses well under, income above spending by what is carried over.
 */
export interface Figures {
  /** 项 code → amount. */
  items: Map<string, number>;
  income: number;
  threePublic: ThreePublic;
}

export interface ThreePublic {
  overseasTravel: number;
  vehiclePurchase: number;
  vehicleOperation: number;
  reception: number;
}

export type AccountKind = 'budget' | 'final';

const FEN_PER_WAN_YUAN = 1_000_000;
const FIRST_YEAR = 2021;

export function budgetFigures(seed: number, department: CityDepartment, year: number): Figures {
  // The department's own traits (how fast it grows, how it splits its spending) hold every year.
  const traits = random(seed, 'fiscal', department.code);
  const growth = 1 + traits.next() * 0.06;
  const spending = SPENDING[department.type];
  const weights = spending.items.map(() => 0.5 + traits.next());
  const local = department.division.code !== DEFAULT_CITY.code;
  const hasOverseas = traits.chance(0.25);
  const buysCars = traits.chance(0.2);

  const r = random(seed, 'fiscal', department.code, year);
  const size = spending.size * (local ? LOCAL_SHARE : 1) * growth ** (year - FIRST_YEAR) * (0.95 + r.next() * 0.1);
  const staffShare = STAFF_ITEMS.reduce((sum, [, share]) => sum + share, 0);
  const own = size * (1 - staffShare);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const items = new Map<string, number>();
  spending.items.forEach((item, i) => items.set(item, fen(own * (weights[i] / weightSum))));
  for (const [item, share] of STAFF_ITEMS) items.set(item, fen(size * share * (0.9 + r.next() * 0.2)));
  const expenditure = sum(items.values());
  // A budget balances: what the department is given is what it plans to spend.
  return {
    items,
    income: expenditure,
    threePublic: {
      overseasTravel: hasOverseas && r.chance(0.7) ? yuan(r.int(20_000, 150_000)) : 0,
      vehiclePurchase: buysCars && r.chance(0.5) ? yuan(r.int(150_000, 350_000)) : 0,
      vehicleOperation: yuan(Math.round(Math.sqrt(size) * r.int(2_500, 4_500))),
      reception: yuan(Math.round(Math.sqrt(size) * r.int(600, 1_800))),
    },
  };
}

export function finalFigures(seed: number, department: CityDepartment, year: number): Figures {
  const budget = budgetFigures(seed, department, year);
  const r = random(seed, 'fiscal-final', department.code, year);
  const items = new Map([...budget.items].map(([item, amount]) => [item, Math.round(amount * (0.86 + r.next() * 0.17))]));
  const expenditure = sum(items.values());
  const spent = (amount: number) => Math.round(amount * (0.55 + r.next() * 0.45));
  const t = budget.threePublic;
  return {
    items,
    income: expenditure + Math.round(expenditure * (0.01 + r.next() * 0.04)),
    threePublic: { overseasTravel: spent(t.overseasTravel), vehiclePurchase: spent(t.vehiclePurchase), vehicleOperation: spent(t.vehicleOperation), reception: spent(t.reception) },
  };
}

export function expenditureOf(figures: Figures): number {
  return sum(figures.items.values());
}

export function threePublicTotal(t: ThreePublic): number {
  return t.overseasTravel + t.vehiclePurchase + t.vehicleOperation + t.reception;
}

/**
 * Every subject with an amount: each 项, and each 款 and 类 as the sum of its 项, in code order
 * (a 类 before its 款, a 款 before its 项), as the 支出功能分类 table lists them.
 */
export function subjectRows(items: Map<string, number>): Array<{ code: string; name: string; amount: number }> {
  const totals = new Map<string, number>();
  for (const [item, amount] of items) {
    for (const code of [item.slice(0, 3), item.slice(0, 5), item]) totals.set(code, (totals.get(code) ?? 0) + amount);
  }
  return [...totals]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, amount]) => ({ code, name: SUBJECT_NAMES[code], amount }));
}

/** An amount in 分 as the tables write 元: two decimals, no separators. */
export function yuanText(fenAmount: number): string {
  return (fenAmount / 100).toFixed(2);
}

function fen(wanYuan: number): number {
  return Math.round(wanYuan * FEN_PER_WAN_YUAN);
}

function yuan(amount: number): number {
  return amount * 100;
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
