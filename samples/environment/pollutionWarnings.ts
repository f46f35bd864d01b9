import type { DateTime } from 'luxon';
import type { WarningSettings } from '../../src/connectorKit';
import type { FeedOptions, IndexedFeed } from '../kit/feed';
import { maybeMalformed, type Malformation } from '../kit/malformed';
import { firstIndexAtOrAfter, liveOffset } from '../kit/timeline';
import { CITIES } from './cities';
import { AQI_FORECAST_SLOTS } from './aqiForecasts';
import { DEFAULT_WARNING_SETTINGS } from '../../connectors/environment/common/warningSettings';
import { categoryRangeText, formatAqiRange } from '../../connectors/environment/aqi-forecasts/format';
import { warningTimeline, type NoticeAction, type WarningNotice } from './warningTimeline';
import { LEVEL_COLOURS } from '../../connectors/environment/pollution-warnings/levels';

const PATH = '/environment/pollution-warnings';
const TIME = 'yyyy-MM-dd HH:mm:ss';

export const NOTICE_TYPES: Readonly<Record<NoticeAction, string>> = { issue: '发布', adjust: '调整', lift: '解除' };

/**
 * Heavy-pollution warning notices (重污染天气预警通知) as the units' emergency offices publish them:
 * issue, adjust and lift notices, numbered per unit and year, each quoting the forecast behind it.
 * They follow from the forecasts sample under `settings` (warningTimeline), over the issue days
 * that feed covers whole at the same scale and moment, so the feed holds fewer records than `scale`.
 */
export function pollutionWarningsSample(settings: WarningSettings = DEFAULT_WARNING_SETTINGS): IndexedFeed {
  const notices = memoisedTimeline(settings);
  return {
    path: PATH,
    count: (o) => notices(o).length,
    firstIndexSince(since, o) {
      const all = notices(o);
      return firstIndexAtOrAfter(since, all.length, (index) => all[index].publishedAt);
    },
    record: (index, o) => maybeMalformed(noticeRecord(notices(o)[index]), PATH, index, o, MALFORMATIONS),
  };
}

export const pollutionWarningsFeed = pollutionWarningsSample();

/** The notices of the issue days the forecasts feed covers whole at this scale and moment. */
function memoisedTimeline(settings: WarningSettings): (o: FeedOptions) => WarningNotice[] {
  let last: { key: string; notices: WarningNotice[] } | undefined;
  return (o) => {
    const { fromDay, toDay } = forecastDays(o);
    const key = `${o.seed}/${fromDay}/${toDay}/${o.asOf ?? ''}`;
    if (last?.key !== key) {
      // Notices follow the forecast within the hour: none published after the moment served is out yet.
      const notices = warningTimeline(o.seed, fromDay, toDay, settings).filter((n) => o.asOf === undefined || n.publishedAt.toMillis() <= o.asOf);
      last = { key, notices };
    }
    return last.notices;
  };
}

/** The issue days [fromDay, toDay) whose forecasts of every unit are all in the forecasts feed. */
function forecastDays(o: FeedOptions): { fromDay: number; toDay: number } {
  const first = liveOffset(AQI_FORECAST_SLOTS, o.scale, o.asOf);
  return { fromDay: Math.ceil(first / CITIES.length), toDay: Math.floor((first + o.scale) / CITIES.length) };
}

function noticeRecord(n: WarningNotice): Record<string, unknown> {
  const colour = LEVEL_COLOURS[n.grade.level];
  return {
    noticeNo: n.noticeNo,
    title: titleOf(n, colour),
    cityCode: n.city.code,
    cityName: n.city.name,
    issuer: `${n.city.name}重污染天气应急指挥部办公室`,
    noticeType: NOTICE_TYPES[n.action],
    warningLevel: colour,
    responseLevel: n.grade.response,
    publishTime: n.publishedAt.toFormat(TIME),
    startTime: n.start.toFormat(TIME),
    ...(n.action === 'lift' ? { liftTime: n.liftTime!.toFormat(TIME) } : { expectedEndTime: n.expectedEnd.toFormat(TIME) }),
    ...(n.episodeNoticeNo !== n.noticeNo ? { relatedNoticeNo: n.episodeNoticeNo } : {}),
    measures: n.action === 'lift' ? [] : n.grade.measures,
    content: content(n, colour),
  };
}

/** An adjustment to the same grade only extends the warning, and says so. */
function extends_(n: WarningNotice): boolean {
  return n.action === 'adjust' && n.previousGrade?.level === n.grade.level;
}

function titleOf(n: WarningNotice, colour: string): string {
  if (extends_(n)) return `关于延长重污染天气${colour}预警的通知`;
  if (n.action === 'adjust') return `关于将重污染天气预警调整为${colour}预警的通知`;
  return `关于${NOTICE_TYPES[n.action]}重污染天气${colour}预警的通知`;
}

function content(n: WarningNotice, colour: string): string {
  if (n.action === 'lift') {
    return `经会商研判，预计我市空气质量将明显改善，决定于${stamp(n.liftTime!)}解除重污染天气${colour}预警（${n.episodeNoticeNo}）。`;
  }
  const outlook = n.forecast.days.map((d) => `${d.date.toFormat('M月d日')}AQI ${formatAqiRange(d)}（${categoryRangeText(d)}）`).join('，');
  const until = `预计持续至${stamp(n.expectedEnd)}`;
  if (extends_(n)) return `据预测，${outlook}。经研究，决定将重污染天气${colour}预警（${n.episodeNoticeNo}）延长，${until}，继续执行${n.grade.response}措施。`;
  // An issued warning comes into force when the episode is forecast to begin; an adjustment at once.
  const decision = n.action === 'issue' ? `自${stamp(n.start)}起启动` : `自${stamp(n.publishedAt)}起调整为`;
  return `据预测，${outlook}。经重污染天气应急指挥部研究，决定${decision}重污染天气${colour}预警，${until}，执行${n.grade.response}措施，请各单位严格落实。`;
}

function stamp(time: DateTime): string {
  return time.toFormat('M月d日H时');
}

/** How notices go wrong: a colour the grading has not got, no number, an impossible time, a code for the type. */
const MALFORMATIONS: readonly Malformation[] = [
  (bad) => void (bad.warningLevel = '紫色'),
  (bad) => void delete bad.noticeNo,
  (bad) => void (bad.publishTime = '2026-11-31 17:00:00'),
  (bad) => void (bad.noticeType = 12),
];
