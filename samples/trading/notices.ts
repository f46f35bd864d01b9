import type { IndexedFeed } from '../kit/feed';
import { maybeMalformed, type Malformation } from '../kit/malformed';
import { parseChinaTime } from '../../src/connectorKit';
import { noticeRecord } from './noticeRecord';
import { processFacts } from './processFacts';
import { minuteAtOrAfter } from './platformClock';
import { firstIndexAtOrAfter, slotAt } from './schedule';

const PATH = '/trading/notices';

/**
 * The sample platform's notice list: projects (plans.ts) and their lots as sequences of notices, in
 * publication order (schedule.ts), each notice computed from (seed, index) alone.
 */
export const tradingNoticesSample: IndexedFeed = {
  path: PATH,
  count: (o) => o.scale,
  firstIndexSince(since, o) {
    const time = parseChinaTime(since);
    if (!time) return 0;
    return Math.min(o.scale, firstIndexAtOrAfter(minuteAtOrAfter(time)));
  },
  record(index, o) {
    const slot = slotAt(index);
    return maybeMalformed(noticeRecord(processFacts(slot.process, o.seed), slot.lot, slot.step, o), PATH, index, o, MALFORMATIONS);
  },
};

/** The ways platform feeds go wrong, for the known share of notices that must be quarantined. */
const MALFORMATIONS: readonly Malformation[] = [
  (bad) => void (bad.publishTime = '2026-02-30 10:00:00'),
  (bad) => void delete bad.projectCode,
  // An amount written as prose.
  (bad) => void (bad.budget = '约120万元'),
  // A credit code cut short.
  (bad) => void (bad.buyerCode = String(bad.buyerCode ?? '112306000000000000').trim().slice(0, 15)),
  // A list field holding a note instead of a list.
  (bad) => void (bad.tenderers = '详见附件'),
];
