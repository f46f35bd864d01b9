import type { DateTime } from 'luxon';
import { forecastWarning, WARNING_AQI_THRESHOLD, type WarningGrade, type WarningSettings } from '../../src/connectorKit';
import { CITIES, type City } from './cities';
import { forecastFor, type CityForecast } from './forecaster';

export type NoticeAction = 'issue' | 'adjust' | 'lift';

/** One notice of a city's heavy-pollution emergency office, and the forecast that led to it. */
export interface WarningNotice {
  city: City;
  action: NoticeAction;
  /** The grade issued or adjusted to; for a lift, the grade lifted. */
  grade: WarningGrade;
  publishedAt: DateTime;
  /** The notice's number (文号), e.g. 石重污染应急办〔2026〕3号. */
  noticeNo: string;
  /** The number of the notice that issued the warning: every notice of one episode refers to it. */
  episodeNoticeNo: string;
  /** When the warning is in force from, and until when it is expected to last. */
  start: DateTime;
  expectedEnd: DateTime;
  /** For a lift: when it ends. */
  liftTime?: DateTime;
  forecast: CityForecast;
}

/** Notices follow the 16:00 forecast an hour later, one city a few minutes after the other. */
const NOTICE_DELAY_MINUTES = 60;
const MINUTES_BETWEEN_CITIES = 3;

interface Active {
  grade: WarningGrade;
  episodeNoticeNo: string;
  start: DateTime;
}

/**
 * Every notice the cities publish over the first `days` forecast days, in time order: a city with no
 * warning in force issues one when its forecast calls for it; a city with one adjusts it when the
 * grade called for changes, and lifts it when the forecast no longer calls for any. Warnings are a
 * state carried from day to day, so unlike the other samples this one is computed in sequence.
 */
export function warningTimeline(seed: number, days: number, settings: WarningSettings): WarningNotice[] {
  const inForce = new Map<string, Active>();
  const sequences = new Map<string, number>();
  const notices: WarningNotice[] = [];
  for (let day = 0; day < days; day++) {
    for (const city of CITIES) {
      const forecast = forecastFor(seed, city, day);
      const called = forecastWarning(forecast.days, settings, city.name);
      const current = inForce.get(city.name);
      const action = nextAction(current?.grade ?? null, called);
      if (!action) continue;
      const notice = makeNotice(action, forecast, current, called, settings, sequences);
      if (action === 'lift') inForce.delete(city.name);
      else inForce.set(city.name, { grade: notice.grade, episodeNoticeNo: notice.episodeNoticeNo, start: notice.start });
      notices.push(notice);
    }
  }
  return notices;
}

function makeNotice(
  action: NoticeAction,
  forecast: CityForecast,
  current: Active | undefined,
  called: WarningGrade | null,
  settings: WarningSettings,
  sequences: Map<string, number>,
): WarningNotice {
  const { city } = forecast;
  const publishedAt = forecast.issuedAt.plus({ minutes: NOTICE_DELAY_MINUTES + city.index * MINUTES_BETWEEN_CITIES });
  const noticeNo = nextNoticeNo(sequences, city, publishedAt);
  const window = episodeWindow(forecast, settings);
  // A lift ends the warning at the start of the next day, when the forecast no longer calls for it.
  const liftTime = action === 'lift' ? forecast.issuedAt.plus({ days: 1 }).startOf('day') : undefined;
  return {
    city,
    action,
    grade: action === 'lift' ? current!.grade : called!,
    publishedAt,
    noticeNo,
    episodeNoticeNo: current?.episodeNoticeNo ?? noticeNo,
    start: current?.start ?? window.start,
    expectedEnd: liftTime ?? window.end,
    liftTime,
    forecast,
  };
}

/** What a city's office does when today's forecast calls for `called` while `inForce` is in force. */
function nextAction(inForce: WarningGrade | null, called: WarningGrade | null): NoticeAction | null {
  if (!inForce) return called ? 'issue' : null;
  if (!called) return 'lift';
  return called.level !== inForce.level ? 'adjust' : null;
}

/** From the first forecast day above the threshold to the end of the last one. */
function episodeWindow(forecast: CityForecast, settings: WarningSettings): { start: DateTime; end: DateTime } {
  const above = forecast.days.filter((d) => (settings.basis === 'high' ? d.high : d.low) > WARNING_AQI_THRESHOLD);
  const first = above[0] ?? forecast.days[0];
  const last = above[above.length - 1] ?? forecast.days[0];
  return { start: first.date.startOf('day'), end: last.date.plus({ days: 1 }).startOf('day') };
}

/** Each city's office numbers its notices by year: 石重污染应急办〔2026〕1号, 2号 … */
function nextNoticeNo(sequences: Map<string, number>, city: City, at: DateTime): string {
  const key = `${city.code}/${at.year}`;
  const next = (sequences.get(key) ?? 0) + 1;
  sequences.set(key, next);
  return `${city.name.slice(0, 1)}重污染应急办〔${at.year}〕${next}号`;
}
