import type { ProcessSummary } from './processSummaries';

/**
 * A project (招标项目) as TradingProject serves it: the processes of its lots, from which its own
 * fields are derived. A project that is not divided has one process.
 */
export interface ServedProject {
  projectCode: string;
  /** Its lots' processes, by lot code. */
  lots: ProcessSummary[];
  projectName: string;
  lotCount: number;
  noticeCount: number;
  firstNoticeAt: Date;
  lastNoticeAt: Date;
}

/** The project of some processes (all of one project code); null when there are none. */
export function servedProject(lots: readonly ProcessSummary[]): ServedProject | null {
  if (lots.length === 0) return null;
  const latest = lots.reduce((a, b) => (b.lastNoticeAt > a.lastNoticeAt ? b : a));
  return {
    projectCode: lots[0].projectCode,
    lots: [...lots],
    // The name as its latest notice gives it, as a process's name is.
    projectName: latest.projectName,
    lotCount: lots.length,
    noticeCount: lots.reduce((sum, lot) => sum + lot.noticeCount, 0),
    firstNoticeAt: new Date(Math.min(...lots.map((lot) => lot.firstNoticeAt.getTime()))),
    lastNoticeAt: latest.lastNoticeAt,
  };
}
