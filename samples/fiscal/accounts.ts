import type { DateTime } from 'luxon';
import { CITY_DEPARTMENTS, type CityDepartment } from '../kit/cityDepartments';
import type { FeedOptions, IndexedFeed } from '../kit/feed';
import { maybeMalformed, type Malformation } from '../kit/malformed';
import { random } from '../kit/random';
import { chinaTime } from '../kit/timeline';
import { budgetFigures, expenditureOf, finalFigures, subjectRows, threePublicTotal, yuanText, type AccountKind, type Figures } from './figures';
import { SUBJECT_NAMES } from './subjects';

/**
 * One 预决算公开 feed: a department's budget (部门预算) or final account (部门决算) per year, as the
 * city's 预决算公开平台 lists them (field names are the platform's pinyin initials, amounts in 元 as
 * text with two decimals). The list is year by year, and within a year the departments in the order
 * they published; the platform offers no `since`, so a reader takes the whole list.
 *
 * A later edition corrects about one account in ten per edition (an item of spending or the
 * reception expenses), marks it 更正 and stamps a new 更新时间; the account keeps its place.
 */
export interface AccountFeedSpec {
  path: string;
  kind: AccountKind;
  /** The years the feed lists: a final account of year Y is published in Y + 1. */
  years: readonly number[];
}

/** 预算 of 2021–2026, published in February and March of the year. */
export const BUDGET_YEARS = [2021, 2022, 2023, 2024, 2025, 2026] as const;
/** 决算 of 2021–2025, published in August and September of the next year (2026's comes in 2027). */
export const FINAL_ACCOUNT_YEARS = [2021, 2022, 2023, 2024, 2025] as const;

/** A year's publications spread over forty days, in office hours. */
const PUBLICATION_WINDOW_DAYS = 40;
/** How often a later edition corrects an account. */
const CORRECTION_CHANCE = 0.1;

export function accountFeed(spec: AccountFeedSpec): IndexedFeed {
  return {
    path: spec.path,
    count: (o) => Math.min(o.scale, departmentsPerYear(spec, o) * spec.years.length),
    record: (index, o) => maybeMalformed(accountRecord(spec, index, o), spec.path, index, o, MALFORMATIONS),
  };
}

/**
 * As many departments a year as spread `scale` over the years, the city's own first: the default
 * scale lists every municipal department and some districts' every year. A department publishes one
 * account a year, so the feed holds at most every department's every year.
 */
export function departmentsPerYear(spec: AccountFeedSpec, o: Pick<FeedOptions, 'scale'>): number {
  return Math.min(CITY_DEPARTMENTS.length, Math.ceil(o.scale / spec.years.length));
}

/** The department and year of a feed index. */
export function accountAt(spec: AccountFeedSpec, index: number, o: Pick<FeedOptions, 'scale'>): { department: CityDepartment; year: number; position: number } {
  const perYear = departmentsPerYear(spec, o);
  const position = index % perYear;
  return { department: CITY_DEPARTMENTS[position], year: spec.years[Math.floor(index / perYear)], position };
}

/** The account's figures as published at an edition, with the last correction if any. */
export function publishedFigures(spec: AccountFeedSpec, department: CityDepartment, year: number, o: FeedOptions): { figures: Figures; correction?: { edition: number; note: string } } {
  const figures = spec.kind === 'budget' ? budgetFigures(o.seed, department, year) : finalFigures(o.seed, department, year);
  let correction: { edition: number; note: string } | undefined;
  for (let edition = 2; edition <= o.edition; edition++) {
    const r = random(o.seed, spec.path, 'edition', edition, department.code, year);
    if (!r.chance(CORRECTION_CHANCE)) continue;
    correction = { edition, note: correct(figures, spec.kind, r) };
  }
  return { figures, correction };
}

/** Changes one figure (and the totals that follow from it); says what changed, as the platform's 更正说明 does. */
function correct(figures: Figures, kind: AccountKind, r: ReturnType<typeof random>): string {
  const before = expenditureOf(figures);
  if (r.chance(0.7)) {
    const item = r.pick([...figures.items.keys()]);
    const old = figures.items.get(item)!;
    const changed = Math.max(100, Math.round(old * (1 + (r.chance(0.5) ? 1 : -1) * (0.02 + r.next() * 0.1))));
    figures.items.set(item, changed);
    // A budget still balances; a final account's carry-over is what it was.
    figures.income += expenditureOf(figures) - before;
    return `更正：${item} ${SUBJECT_NAMES[item]} 金额由 ${yuanText(old)} 元更正为 ${yuanText(changed)} 元`;
  }
  const old = figures.threePublic.reception;
  const changed = old + r.int(1, 40) * 100_000 * (old > 4_000_000 && r.chance(0.5) ? -1 : 1);
  figures.threePublic.reception = changed;
  return `更正：公务接待费由 ${yuanText(old)} 元更正为 ${yuanText(changed)} 元（${kind === 'budget' ? '预算' : '决算'}数据录入错误）`;
}

function accountRecord(spec: AccountFeedSpec, index: number, o: FeedOptions): Record<string, unknown> {
  const { department, year, position } = accountAt(spec, index, o);
  const { figures, correction } = publishedFigures(spec, department, year, o);
  const published = publicationTime(spec, year, position, departmentsPerYear(spec, o));
  const updated = correction ? published.plus({ days: 21 * (correction.edition - 1) }).set({ hour: 15, minute: 30 }) : published;
  const t = figures.threePublic;
  return {
    bmbm: department.code,
    bmmc: department.name,
    qhdm: department.division.code,
    nd: String(year),
    bblx: spec.kind === 'budget' ? '部门预算' : '部门决算',
    srhj: yuanText(figures.income),
    zchj: yuanText(expenditureOf(figures)),
    zcgnfl: subjectRows(figures.items).map((s) => ({ kmbm: s.code, kmmc: s.name, je: yuanText(s.amount) })),
    sgjf: {
      hj: yuanText(threePublicTotal(t)),
      yggcjf: yuanText(t.overseasTravel),
      gwycgzf: yuanText(t.vehiclePurchase),
      gwycyxwhf: yuanText(t.vehicleOperation),
      gwjdf: yuanText(t.reception),
    },
    fbrq: published.toFormat('yyyy-MM-dd'),
    gxsj: updated.toFormat('yyyy-MM-dd HH:mm:ss'),
    gzbz: correction ? '1' : '0',
    gzsm: correction?.note ?? '',
  };
}

/** Budgets from 8 February of their year, final accounts from 18 August of the next. */
function publicationTime(spec: AccountFeedSpec, year: number, position: number, perYear: number): DateTime {
  const start = spec.kind === 'budget' ? chinaTime(year, 2, 8, 9) : chinaTime(year + 1, 8, 18, 9);
  return start.plus({ days: Math.floor((position * PUBLICATION_WINDOW_DAYS) / perYear), hours: position % 8, minutes: (position * 7) % 60 });
}

/** How the platform's records go wrong: each fails the record schema. */
const MALFORMATIONS: readonly Malformation[] = [
  // A total typed with a dash where the figure was not yet in.
  (bad) => void (bad.zchj = '—'),
  (bad) => void delete bad.bmbm,
  // A subject code cut to four digits (a 类 code with half its 款).
  (bad) => {
    const rows = bad.zcgnfl as Array<{ kmbm: string }>;
    rows[1].kmbm = rows[1].kmbm.slice(0, 4);
  },
  // A date that does not exist.
  (bad) => void (bad.fbrq = `${bad.nd}-02-30`),
  // An amount a clerk entered in 万元, with its unit, in a field of 元.
  (bad) => {
    const sgjf = bad.sgjf as Record<string, string>;
    sgjf.gwjdf = `${(Number(sgjf.gwjdf) / 10_000).toFixed(2)}万元`;
  },
];
