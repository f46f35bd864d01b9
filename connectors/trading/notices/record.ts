// Only for the sample generator (noticeRecord.ts), which is moving to samples/: once it imports
// the type from './schema', this file goes.
export type { TradingNoticeRecord } from './schema';
