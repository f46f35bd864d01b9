import type { FeedOptions, IndexedFeed } from '../kit/feed';
import { hash32, random } from '../kit/random';
import { DISTRICTS } from '../kit/population';
import { pickAuthority } from './authorities';
import { listedEnterpriseFields, LISTING_MALFORMATIONS, listingId } from './listing';
import { maybeMalformed, type Malformation } from '../kit/malformed';
import { chinaTime, oneAtRandomPerSlot, slotOf } from '../kit/timeline';

const PATH = '/credit/serious-violations';

/** Entries were listed about once a day from 2022-01-01. */
const SLOTS = oneAtRandomPerSlot(PATH, chinaTime(2022, 1, 1), 1440);

/** The grounds of 严重违法失信企业名单管理暂行办法 第五条 the city lists enterprises for, the first by far the most common. */
const GROUNDS = [
  '被列入经营异常名录届满3年仍未履行相关义务的',
  '被列入经营异常名录届满3年仍未履行相关义务的',
  '被列入经营异常名录届满3年仍未履行相关义务的',
  '提交虚假材料或者采取其他欺诈手段隐瞒重要事实，取得公司变更或者注销登记，被撤销登记的',
  '因不正当竞争行为两年内受到行政处罚两次以上的',
  '因发布虚假广告两年内受到行政处罚两次以上的',
];

/**
 * Entry positions come in blocks of ten; from the second edition on, edition − 1 slots of every
 * block (at most five, the same slots for a seed) have left the list. Feed index → entry is then
 * arithmetic, so a page is still computed without generating the entries before it.
 */
const BLOCK = 10;

function survivingSlots(o: FeedOptions): number[] {
  const slots = Array.from({ length: BLOCK }, (_, slot) => slot);
  const leaving = Math.min(Math.max(o.edition - 1, 0), BLOCK / 2);
  const order = [...slots].sort((a, b) => hash32(o.seed, PATH, 'leave', a) - hash32(o.seed, PATH, 'leave', b));
  const left = new Set(order.slice(0, leaving));
  return slots.filter((slot) => !left.has(slot));
}

/** The entry (0 … scale − 1) a feed index shows in this edition. */
export function entryAt(index: number, o: FeedOptions): number {
  const slots = survivingSlots(o);
  return Math.floor(index / slots.length) * BLOCK + slots[index % slots.length];
}

/** Whether entry `entry` is still on the list in this edition. */
export function isListed(entry: number, o: FeedOptions): boolean {
  return survivingSlots(o).includes(entry % BLOCK);
}

/**
 * The serious violations list: the enterprises on it now. Entries keep their id and content from
 * edition to edition; a later edition only drops some, so a re-sync exercises snapshot removal.
 */
export const seriousViolationsSample: IndexedFeed = {
  path: PATH,
  count(o) {
    const slots = survivingSlots(o);
    const rest = o.scale % BLOCK;
    return Math.floor(o.scale / BLOCK) * slots.length + slots.filter((slot) => slot < rest).length;
  },
  record(index, o) {
    const entry = entryAt(index, o);
    const r = random(o.seed, PATH, entry);
    const record = {
      ID: listingId(o.seed, PATH, entry),
      ...listedEnterpriseFields(r, o.seed),
      SERILLREA: r.pick(GROUNDS),
      ABNTIME: slotOf(entry, SLOTS, o.seed).time.toFormat('yyyy-MM-dd'),
      DECORG: pickAuthority(r, 'market', r.pick(DISTRICTS), 0.4).name,
    };
    // Keyed by entry, not feed index, so an entry is malformed (or not) in every edition alike.
    return maybeMalformed(record, PATH, entry, o, MALFORMATIONS);
  },
};

/** How entries go wrong: as any list's, and without the ground they were listed on. */
const MALFORMATIONS: readonly Malformation[] = [...LISTING_MALFORMATIONS, (bad) => void delete bad.SERILLREA];
