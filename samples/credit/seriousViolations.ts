import type { FeedOptions, IndexedFeed } from '../kit/feed';
import { random } from '../kit/random';
import { shrinkingList } from '../kit/shrinkingList';
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

/** Entries leave the list a tenth per edition, half at most (kit/shrinkingList). */
const LIST = shrinkingList(PATH);

/** The entry (0 … scale − 1) a feed index shows in this edition. */
export const entryAt = LIST.entryAt;

/** Whether entry `entry` is still on the list in this edition. */
export const isListed = LIST.isListed;

/**
 * The serious violations list: the enterprises on it now. Entries keep their id and content from
 * edition to edition; a later edition only drops some, so a re-sync exercises snapshot removal.
 */
export const seriousViolationsSample: IndexedFeed = {
  path: PATH,
  count: (o) => LIST.count(o.scale, o),
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
