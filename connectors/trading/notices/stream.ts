import { httpPages, stream } from '../../../src/connectorKit';
import { tradingNoticeRecordSchema, type TradingNoticeRecord } from './schema';
import { canonicalTime } from './time';
import { toTradingDisclosure } from './toDisclosure';

/**
 * Every notice a public resource trading platform publishes, all types in one list, newest last.
 * The list is ordered and filtered (`since`) by publication time, so that is the cursor; a
 * correction keeps its publication time and sets updateTime, and is read again by the look-back and
 * by the nightly reconciliation (the platform's list does not move corrected notices to its end).
 */
export const tradingNotices = stream<TradingNoticeRecord>({
  name: 'notices',
  schema: tradingNoticeRecordSchema,
  // The platform's notice number is its identity: the same in the API, in an export and in a dump.
  key: (r) => r.noticeId.trim(),
  cursor: (r) => canonicalTime(r.publishTime, 'publishTime'),
  source: httpPages({ path: '/trading/notices', pageSize: 500, sinceParam: 'since', recordsField: 'data', totalField: 'total' }),
  // Platforms publish through the working day; every half hour keeps results current the same day.
  schedule: '*/30 * * * *',
  // Notices are sometimes published with an earlier time than ones already out (backdated results).
  lookBackMs: 2 * 24 * 3600 * 1000,
  // A correction keeps its notice's place in the list, however old the notice: only a nightly read
  // of the whole list finds them all. 03:45 lies between the half-hourly runs.
  reconcile: { schedule: '45 3 * * *' },
  toDisclosure: toTradingDisclosure,
});
