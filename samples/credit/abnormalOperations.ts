import type { FeedOptions, IndexedFeed } from '../kit/feed';
import { random, type Random } from '../kit/random';
import { DISTRICTS } from '../kit/population';
import { pickAuthority } from './authorities';
import { listedEnterpriseFields, LISTING_MALFORMATIONS, listingId } from './listing';
import { maybeMalformed, type Malformation } from '../kit/malformed';
import { chinaTime, oneAtRandomPerSlot, slotOf } from '../kit/timeline';

const PATH = '/credit/abnormal-operations';

/** Listings were made about every twelve hours from 2023-07-01 (after an annual-report deadline). */
const SLOTS = oneAtRandomPerSlot(PATH, chinaTime(2023, 7, 1), 720);

/**
 * The grounds of 企业经营异常名录管理暂行办法 第四条, with the removal each calls for (第十一至十四条),
 * and how often each occurs: a missed annual report is by far the most common.
 */
const GROUNDS: ReadonlyArray<{ listed: string; removed: string; weight: number }> = [
  { listed: '未依照《企业信息公示暂行条例》第八条规定的期限公示年度报告的', removed: '补报未报年份的年度报告并公示，申请移出', weight: 0.6 },
  { listed: '通过登记的住所或者经营场所无法联系的', removed: '依法办理住所或者经营场所变更登记，申请移出', weight: 0.25 },
  { listed: '未在市场监督管理部门依照《企业信息公示暂行条例》第十条规定责令的期限内公示有关企业信息的', removed: '依照规定履行公示义务，申请移出', weight: 0.1 },
  { listed: '公示企业信息隐瞒真实情况、弄虚作假的', removed: '更正其公示的信息，申请移出', weight: 0.05 },
];

/**
 * The abnormal operations list as the enterprise credit publicity system serves it: every listing,
 * removed ones with their removal. A later edition removes more listings (the same ids, now with
 * removal fields), as enterprises file their reports.
 */
export const abnormalOperationsSample: IndexedFeed = {
  path: PATH,
  count: (o) => o.scale,
  record(index, o) {
    const r = random(o.seed, PATH, index);
    const listed = slotOf(index, SLOTS, o.seed).time.startOf('day');
    const ground = weighted(r);
    const authority = pickAuthority(r, 'market', r.pick(DISTRICTS), 0.75);
    const record: Record<string, unknown> = {
      ID: listingId(o.seed, PATH, index),
      ...listedEnterpriseFields(r, o.seed),
      SPECAUSE: ground.listed,
      ABNTIME: listed.toFormat('yyyy-MM-dd'),
      DECORG: authority.name,
    };
    if (removalEdition(index, o) <= o.edition) {
      record.REMEXCPRES = ground.removed;
      record.REMDATE = listed.plus({ days: r.int(20, 400) }).toFormat('yyyy-MM-dd');
      record.REDECORG = authority.name;
    }
    return maybeMalformed(record, PATH, index, o, MALFORMATIONS);
  },
};

/**
 * The edition in which a listing is removed: a quarter already are in the first, a fifth more in
 * the second, a tenth more in the third, the rest never. Drawn apart from the record's other values
 * so the edition changes nothing else about it.
 */
export function removalEdition(index: number, o: FeedOptions): number {
  const roll = random(o.seed, PATH, 'removal', index).next();
  return roll < 0.25 ? 1 : roll < 0.45 ? 2 : roll < 0.55 ? 3 : Infinity;
}

function weighted(r: Random) {
  let roll = r.next();
  for (const ground of GROUNDS) {
    if (roll < ground.weight) return ground;
    roll -= ground.weight;
  }
  return GROUNDS[0];
}

/** How listings go wrong: as any list's, and in the removal. */
const MALFORMATIONS: readonly Malformation[] = [
  ...LISTING_MALFORMATIONS,
  (bad) => {
    // Removed, but without the reason and the body that removed it.
    bad.REMDATE = '2025-01-10';
    delete bad.REMEXCPRES;
    delete bad.REDECORG;
  },
];
