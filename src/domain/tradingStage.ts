import { parseChinaTime } from './chinaTime';
import { noticeTypeInfo, type NoticeType, type ProcessStageName } from './tradingNoticeTypes';

export interface StageNotice {
  type: NoticeType;
  /** A Date, or a time as feeds and the store write it (2026-03-02 09:30:00, ISO 8601). */
  publishedAt: Date | string;
}

export interface ProcessStage {
  stage: ProcessStageName;
  /** Some notice of the process corrected or changed it (更正/变更公告). */
  amended: boolean;
  cancelled: boolean;
  lastNoticeAt: Date;
}

/**
 * The stage of one contracting process from its notices (those sharing a project code).
 *
 * The stage is that of the highest-ranked notice, not of the latest one: platforms publish late
 * and backdate, and a harvest may deliver a contract notice before the award it follows, so the
 * order of the list and of the dates says nothing. A cancellation wins over everything, because a
 * platform that re-tenders a cancelled project starts a new process. An amendment never moves the
 * stage; it marks the process amended.
 */
export function processStage(notices: readonly StageNotice[]): ProcessStage {
  if (notices.length === 0) throw new Error('processStage needs at least one notice of the process, got none');
  let rank = 0;
  let stage: ProcessStageName = 'tender';
  let amended = false;
  let cancelled = false;
  let last = -Infinity;
  notices.forEach((notice, i) => {
    const info = noticeTypeInfo(notice.type);
    last = Math.max(last, timeOf(notice.publishedAt, i));
    if (info.type === 'amendment') amended = true;
    if (info.type === 'cancellation') cancelled = true;
    if (info.rank > rank) {
      rank = info.rank;
      stage = info.stage;
    }
  });
  return { stage: cancelled ? 'cancelled' : stage, amended, cancelled, lastNoticeAt: new Date(last) };
}

function timeOf(value: Date | string, index: number): number {
  const time = value instanceof Date ? value.getTime() : parseChinaTime(String(value))?.getTime();
  if (time === undefined || Number.isNaN(time)) {
    throw new Error(`notice ${index}: publishedAt ${JSON.stringify(value)} is not a date or date-time`);
  }
  return time;
}
