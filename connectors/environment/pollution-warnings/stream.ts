import { ENVIRONMENT, httpPages, requireChinaTime, STATUS, stream } from '../../../src/connectorKit';
import { canonicalTime } from '../common/readings';
import { levelOfColour } from './levels';
import { pollutionWarningRecordSchema, type PollutionWarningRecord } from './schema';

const ACTIONS = { 发布: 'issue', 调整: 'adjust', 解除: 'lift' } as const;

/**
 * Warning notices. Each notice is its own disclosure (notices are documents, numbered and never
 * rewritten); the notices of one warning share `episodeNoticeNo`, the number of the notice that
 * issued it, so a reader can follow a warning from issue to lift.
 */
export const pollutionWarnings = stream<PollutionWarningRecord>({
  name: 'pollution-warnings',
  schema: pollutionWarningRecordSchema,
  key: (r) => canonicalNoticeNo(r.noticeNo),
  cursor: (r) => canonicalTime(r.publishTime, 'publishTime'),
  source: httpPages({ path: '/environment/pollution-warnings', pageSize: 500, sinceParam: 'since' }),
  // Notices come at any hour when an episode starts or ends: read them often.
  schedule: '*/30 * * * *',
  lookBackMs: 24 * 3600 * 1000,
  // Notices are not rewritten, but offices post some late with their original time.
  reconcile: { schedule: '40 3 * * 0', windowDays: 30 },
  toDisclosure: (r) => {
    const level = levelOfColour(r.warningLevel);
    const noticeNo = canonicalNoticeNo(r.noticeNo);
    const colour = `${r.warningLevel.replace(/预警$/, '')}预警`;
    return {
      kind: ENVIRONMENT.kinds.warning,
      title: `${r.cityName} ${r.title ?? `${r.noticeType}重污染天气${colour}`}`,
      publisher: r.issuer ?? `${r.cityName}重污染天气应急指挥部办公室`,
      region: r.cityName,
      publishedAt: requireChinaTime(r.publishTime, 'publishTime'),
      status: STATUS.published,
      attributes: {
        city: { code: r.cityCode, name: r.cityName },
        noticeNo,
        episodeNoticeNo: r.relatedNoticeNo ? canonicalNoticeNo(r.relatedNoticeNo) : noticeNo,
        action: { code: r.noticeType, name: ACTIONS[r.noticeType] },
        level: { code: r.warningLevel, name: level },
        response: r.responseLevel ?? null,
        startTime: optionalTime(r.startTime, 'startTime'),
        expectedEndTime: optionalTime(r.expectedEndTime, 'expectedEndTime'),
        liftTime: optionalTime(r.liftTime, 'liftTime'),
        measures: r.measures ?? [],
      },
      searchText: ['重污染天气预警', colour, r.content, ...(r.measures ?? [])],
    };
  },
});

/** Offices write the year brackets of a notice number several ways (〔〕, [], （）, 【】). */
function canonicalNoticeNo(text: string): string {
  return text.replace(/\s+/g, '').replace(/[[［(（【]/g, '〔').replace(/[\]］)）】]/g, '〕');
}

function optionalTime(text: string | undefined, field: string): string | null {
  return text === undefined ? null : canonicalTime(text, field);
}
