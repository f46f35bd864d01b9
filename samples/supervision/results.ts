import { DEFAULT_CITY } from '../../src/connectorKit';
import type { FeedOptions, IndexedFeed } from '../kit/feed';
import { maybeMalformed, type Malformation } from '../kit/malformed';
import { CORE_SIZE, enterprise, type Enterprise } from '../kit/population';
import { random, type Random } from '../kit/random';
import { chinaTime, firstIndexAtOrAfter, oneAtRandomPerSlot, slotOf } from '../kit/timeline';
import { CATALOGUE, catalogueSize, DEPARTMENT_LETTERS, type CatalogueItem } from './catalogue';
import { poolSize } from './subjects';

export const RESULTS_PATH = '/supervision/inspection-results';

/** Results are entered about one a day from 2025-02-01, a task's one after another. */
const SLOTS = oneAtRandomPerSlot(RESULTS_PATH, chinaTime(2025, 2, 1), 1440);

/** Subjects drawn for one task (the second 随机: 随机抽取检查对象). */
export const RESULTS_PER_TASK = 5;

/** 检查结果 with the 后续处置 the department writes for it; the first rows end most inspections. */
const OUTCOMES: ReadonlyArray<{ result: string; followUps: readonly string[]; weight: number; marketOnly?: boolean }> = [
  { result: '未发现问题', followUps: ['', '无'], weight: 60 },
  { result: '发现问题已责令改正', followUps: ['责令限期改正', '责令限期整改，已复查整改到位'], weight: 15 },
  { result: '发现问题待后续处理', followUps: ['已立案调查', '移送相关部门处理'], weight: 4 },
  { result: '未发现开展本次抽查涉及的经营活动', followUps: ['', '无'], weight: 5 },
  { result: '已关闭停业或正在组织清算', followUps: [''], weight: 2 },
  { result: '不配合检查情节严重', followUps: ['依法予以行政处罚'], weight: 1 },
  { result: '未按规定公示应当公示的信息', followUps: ['责令限期公示', '列入经营异常名录'], weight: 6, marketOnly: true },
  { result: '公示信息隐瞒真实情况、弄虚作假', followUps: ['列入经营异常名录'], weight: 2, marketOnly: true },
  { result: '通过登记的住所（经营场所）无法联系', followUps: ['列入经营异常名录'], weight: 5, marketOnly: true },
];

/** The results that found no problem: what the connector's problemFound expression must read as false. */
export const NO_PROBLEM_RESULTS: readonly string[] = ['未发现问题', '未发现开展本次抽查涉及的经营活动', '已关闭停业或正在组织清算'];

/** Each later edition publishes the results of a tenth more inspections (the feed is incremental). */
export function resultCount(o: Pick<FeedOptions, 'scale' | 'edition'>): number {
  return o.scale + Math.max(o.edition - 1, 0) * Math.ceil(o.scale / 10);
}

/**
 * 抽查结果 as the 双随机 platform publishes them: paged JSON, oldest first, filterable by 更新时间
 * (`since`). Each task inspects RESULTS_PER_TASK subjects drawn from the pools under one item of
 * one body's list; the subjects are enterprises of the shared population, so a firm's profile shows
 * its inspections beside its licences and penalties.
 */
export const inspectionResultsSample: IndexedFeed = {
  path: RESULTS_PATH,
  count: resultCount,
  record: (index, o) => maybeMalformed(resultRecord(index, o), RESULTS_PATH, index, o, MALFORMATIONS),
  firstIndexSince: (since, o) => firstIndexAtOrAfter(since, resultCount(o), (index) => slotOf(index, SLOTS, o.seed).time),
};

/** The result at `index`, as the platform writes it. */
export function resultRecord(index: number, o: FeedOptions): Record<string, string> {
  const task = Math.floor(index / RESULTS_PER_TASK);
  const position = index % RESULTS_PER_TASK;
  const { item, number, name } = taskOf(task, o);
  const r = random(o.seed, RESULTS_PATH, index);
  const inspected = inspectedEnterprise(r, item, o);
  const outcome = pickOutcome(r, item);
  const entered = slotOf(index, SLOTS, o.seed).time;
  return {
    jgbh: `${number}-${String(position + 1).padStart(2, '0')}`,
    rwbh: number,
    rwmc: name,
    sxbm: item.code,
    sxmc: item.template.name,
    jcbm: item.body,
    jcdxmc: inspected.name,
    tyshxydm: inspected.uscc,
    szqx: inspected.district.name,
    jcrq: entered.minus({ days: r.int(1, 20) }).toFormat('yyyy-MM-dd'),
    jcjg: outcome.result,
    hxcz: r.pick(outcome.followUps),
    gxsj: entered.toFormat('yyyy-MM-dd HH:mm:ss'),
  };
}

/** A task: one item of one body's list, numbered by the year its results began and its order. */
function taskOf(task: number, o: FeedOptions): { item: CatalogueItem; number: string; name: string } {
  const r = random(o.seed, RESULTS_PATH, 'task', task);
  // An item the list held when the feeds first published (edition 1): a task never names an item
  // no list had, though a later edition may drop the item the task was under.
  const item = CATALOGUE[r.int(0, catalogueSize(o.scale) - 1)];
  const year = slotOf(task * RESULTS_PER_TASK, SLOTS, o.seed).time.year;
  const number = `${DEPARTMENT_LETTERS[item.template.department]}${item.division.code}${year}${String(task + 1).padStart(4, '0')}`;
  return { item, number, name: `${year}年${item.body}${item.template.name}双随机抽查` };
}

/**
 * The subject inspected: drawn from the pool (entries 0 … poolSize − 1) among those the item applies
 * to and, for a district's or county's body, registered there; the big local firms a third of the
 * time, as in every feed. Where the district has none, one the item applies to anywhere (a firm
 * registered elsewhere that works there); where the pool has none, any.
 */
function inspectedEnterprise(r: Random, item: CatalogueItem, o: FeedOptions): Enterprise {
  const { all, core } = candidatesFor(item, o);
  return core.length > 0 && r.chance(0.35) ? r.pick(core) : r.pick(all);
}

interface Candidates {
  all: readonly Enterprise[];
  core: readonly Enterprise[];
}

/** Per (seed, pool size): each item's candidates, computed once, so a record costs a draw, not a search. */
const CANDIDATES = new Map<string, Map<CatalogueItem, Candidates>>();

function candidatesFor(item: CatalogueItem, o: FeedOptions): Candidates {
  const size = poolSize(o.scale);
  const key = `${o.seed}/${size}`;
  let byItem = CANDIDATES.get(key);
  if (!byItem) {
    const pool = Array.from({ length: size }, (_, e) => enterprise(e, o.seed));
    byItem = new Map(CATALOGUE.map((entry) => [entry, candidatesIn(pool, entry)]));
    CANDIDATES.set(key, byItem);
  }
  return byItem.get(item)!;
}

function candidatesIn(pool: readonly Enterprise[], item: CatalogueItem): Candidates {
  const fitting = pool.filter((e) => item.template.fits(e));
  const local = item.division.code === DEFAULT_CITY.code ? fitting : fitting.filter((e) => e.district.code === item.division.code);
  const all = local.length ? local : fitting.length ? fitting : pool;
  return { all, core: all.filter((e) => e.index < CORE_SIZE) };
}

function pickOutcome(r: Random, item: CatalogueItem): (typeof OUTCOMES)[number] {
  const possible = OUTCOMES.filter((o) => !o.marketOnly || item.template.department === 'market');
  let roll = r.next() * possible.reduce((sum, o) => sum + o.weight, 0);
  for (const outcome of possible) {
    roll -= outcome.weight;
    if (roll < 0) return outcome;
  }
  return possible[0];
}

/** How a published result goes wrong: no subject code, a cut code, a date that does not exist, no result. */
const MALFORMATIONS: readonly Malformation[] = [
  (bad) => void (bad.tyshxydm = ''),
  (bad) => void (bad.tyshxydm = '91230600'),
  (bad) => void (bad.jcrq = '2025-02-30'),
  (bad) => void delete bad.jcjg,
  (bad) => void (bad.rwbh = ''),
];
