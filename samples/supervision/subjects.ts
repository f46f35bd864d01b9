import type { IndexedFeed } from '../kit/feed';
import { maybeMalformed, type Malformation } from '../kit/malformed';
import { enterprise, POPULATION_SIZE, sectorOf, type Enterprise } from '../kit/population';
import { shrinkingList } from '../kit/shrinkingList';
import { chinaTime, oneAtRandomPerSlot, slotOf } from '../kit/timeline';
import { authority, type Department } from '../credit/authorities';

export const SUBJECTS_PATH = '/supervision/inspection-subjects';

/** The export's columns: the 名录库 system writes Chinese headers. */
export const SUBJECT_COLUMNS = ['名录库名称', '统一社会信用代码', '对象名称', '对象类型', '所属行业', '所在区县', '住所', '录入部门', '入库日期'] as const;

/** Enterprises leave the pools (deregistered, moved away): a tenth per edition (kit/shrinkingList). */
export const SUBJECT_LIST = shrinkingList(SUBJECTS_PATH);

/** Entered about one a day from 2019, when the city's pools were built. */
const ENTERED = oneAtRandomPerSlot(SUBJECTS_PATH, chinaTime(2019, 1, 1), 1440);

/**
 * The pool (名录库) an enterprise is in: the department that inspects its trade keeps one of its
 * own (食品生产企业, 危险化学品 …); every other market subject is in the market regulator's.
 */
export function poolOf(e: Enterprise): { name: string; department: Department } {
  if (e.category === '个体工商户') return { name: '个体工商户名录库', department: 'market' };
  if (e.category === '农民专业合作社') return { name: '农民专业合作社名录库', department: 'market' };
  switch (sectorOf(e.industry)) {
    case 'food':
    case 'dairy':
      return { name: '食品生产企业名录库', department: 'market' };
    case 'petrochemical':
    case 'gas':
      return { name: '危险化学品生产经营单位名录库', department: 'emergency' };
    case 'oilfield':
      return { name: '石油天然气开采及油田技术服务单位名录库', department: 'emergency' };
    case 'utility':
      return { name: '重点排污单位名录库', department: 'environment' };
    case 'construction':
      return { name: '建筑施工企业名录库', department: 'housing' };
    case 'logistics':
      return { name: '道路运输经营者名录库', department: 'transport' };
    default:
      return { name: '一般企业名录库', department: 'market' };
  }
}

/** How many enterprises the pools hold at a scale: one entry per enterprise, the city has no more. */
export function poolSize(scale: number): number {
  return Math.min(scale, POPULATION_SIZE);
}

/**
 * 检查对象名录库: the city's pools of inspectable subjects, one GBK CSV export with Chinese column
 * headers, as such pools are exported. Entry `e` is enterprise `e` of the shared population, so
 * the inspection results (which draw from the pool) and the credit feeds name the same firms.
 */
export const inspectionSubjectsSample: IndexedFeed = {
  path: SUBJECTS_PATH,
  format: 'csv',
  encoding: 'gbk',
  csvColumns: SUBJECT_COLUMNS,
  count: (o) => SUBJECT_LIST.count(poolSize(o.scale), o),
  record(index, o) {
    const entry = SUBJECT_LIST.entryAt(index, o);
    const e = enterprise(entry, o.seed);
    const pool = poolOf(e);
    const row: Record<(typeof SUBJECT_COLUMNS)[number], string> = {
      名录库名称: pool.name,
      统一社会信用代码: e.uscc,
      对象名称: e.name,
      对象类型: e.category,
      所属行业: e.industry,
      所在区县: e.district.name,
      住所: e.address,
      录入部门: authority(pool.department).name,
      // Excel's way with dates, as such exports write them.
      入库日期: slotOf(entry, ENTERED, o.seed).time.toFormat('yyyy/M/d'),
    };
    return maybeMalformed(row, SUBJECTS_PATH, entry, o, MALFORMATIONS);
  },
};

/** How a row of the export goes wrong: a blank or cut code, no name, no pool, a date that does not exist. */
const MALFORMATIONS: readonly Malformation[] = [
  (bad) => void (bad['统一社会信用代码'] = ''),
  (bad) => void (bad['统一社会信用代码'] = '9123060'),
  (bad) => void (bad['对象名称'] = ''),
  (bad) => void (bad['名录库名称'] = ''),
  (bad) => void (bad['入库日期'] = '2019/2/30'),
];
