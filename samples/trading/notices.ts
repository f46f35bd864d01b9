import { isMalformed, type IndexedFeed } from '../kit/feed';
import { random } from '../kit/random';
import { parseChinaTime } from '../../src/connectorKit';
import { malform, MALFORMATIONS } from './malform';
import { noticeRecord } from './noticeRecord';
import { processFacts } from './processFacts';
import { minuteAtOrAfter } from './sampleClock';
import { firstIndexAtOrAfter, slotAt } from './schedule';

const PATH = '/trading/notices';

/**
 * The sample platform's notice list: processes (plans.ts) as sequences of notices, in publication
 * order (schedule.ts), each notice computed from (seed, index) alone.
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
    const record = noticeRecord(processFacts(slot.process, o.seed), slot.step, o);
    return isMalformed(PATH, index, o) ? malform(record, random(o.seed, 'malform', index).int(0, MALFORMATIONS - 1)) : record;
  },
};
