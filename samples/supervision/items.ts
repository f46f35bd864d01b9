import type { IndexedFeed } from '../kit/feed';
import { maybeMalformed, type Malformation } from '../kit/malformed';
import { shrinkingList } from '../kit/shrinkingList';
import { chinaTime } from '../kit/timeline';
import { CATALOGUE, catalogueSize } from './catalogue';

export const ITEMS_PATH = '/supervision/inspection-items';

/** Items leave the lists as departments revise them: a tenth per edition (kit/shrinkingList). */
export const ITEM_LIST = shrinkingList(ITEMS_PATH);

/** The lists were published in March 2024, a body a day; an item's 更新时间 is its list's. */
const LISTS_PUBLISHED = chinaTime(2024, 3, 1, 9);

/**
 * The 抽查事项清单 of the city's inspecting departments, as the 双随机 platform exports it: every
 * item listed now, in pages of JSON, in its pinyin-initial field names (connectors/supervision/README.md).
 */
export const inspectionItemsSample: IndexedFeed = {
  path: ITEMS_PATH,
  count: (o) => ITEM_LIST.count(catalogueSize(o.scale), o),
  record(index, o) {
    const entry = ITEM_LIST.entryAt(index, o);
    // Keyed by entry, not feed index, so an item is malformed (or not) in every edition alike.
    return maybeMalformed(itemRecord(entry), ITEMS_PATH, entry, o, MALFORMATIONS);
  },
};

/** Item `entry` of the catalogue as the platform writes it. */
export function itemRecord(entry: number): Record<string, string> {
  const item = CATALOGUE[entry];
  const listed = LISTS_PUBLISHED.plus({ days: bodyOrder(item.body) });
  return {
    sxbm: item.code,
    sxmc: item.template.name,
    cclb: item.template.category,
    jcdx: item.template.inspects,
    jcfs: item.template.method,
    ccyj: item.template.basis,
    jczt: item.body,
    ssqh: item.division.name,
    fbrq: listed.toFormat('yyyy-MM-dd'),
    gxsj: listed.toFormat('yyyy-MM-dd HH:mm:ss'),
  };
}

const BODIES = [...new Set(CATALOGUE.map((item) => item.body))];
const bodyOrder = (body: string) => BODIES.indexOf(body);

/** How an exported item goes wrong: no code, no category, no basis, a category the platform does not have. */
const MALFORMATIONS: readonly Malformation[] = [
  (bad) => void (bad.sxbm = ''),
  (bad) => void delete bad.cclb,
  (bad) => void (bad.ccyj = ''),
  (bad) => void (bad.cclb = '随机'),
  (bad) => void (bad.fbrq = '2024-02-30'),
];
