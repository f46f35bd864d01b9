import type { DateTime } from 'luxon';
import { forecastWarning, WARNING_AQI_THRESHOLD, WARNING_LEVELS, type AqiRange, type WarningGrade, type WarningSettings } from '../../src/connectorKit';
import { SAMPLE_ANCHOR } from './airHourly';
import { CITIES, type City } from './cities';
import { forecastFor, forecastRanges, type CityForecast } from './forecaster';

export type NoticeAction = 'issue' | 'adjust' | 'lift';

/** One notice of a unit's heavy-pollution emergency office, and the forecast that led to it. */
export interface WarningNotice {
  city: City;
  action: NoticeAction;
  /** The grade issued or adjusted to; for a lift, the grade lifted. */
  grade: WarningGrade;
  /** For an adjustment, the grade it raises (the same grade when it only extends the warning). */
  previousGrade?: WarningGrade;
  publishedAt: DateTime;
  /** The notice's number (文号), e.g. 大庆重污染应急办〔2026〕3号. */
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

/** Notices follow the 16:00 forecast an hour later, one unit a few minutes after the other. */
const NOTICE_DELAY_MINUTES = 60;
const MINUTES_BETWEEN_CITIES = 3;

/** A warning in force, its days counted from the anchor: [startDay, endDay). */
interface InForce {
  grade: WarningGrade;
  episodeNoticeNo: string;
  startDay: number;
  endDay: number;
}

/** What an office decides on a day's forecast: a notice's action, its grade and the warning's days. */
interface Decision {
  action: NoticeAction;
  grade: WarningGrade;
  previousGrade?: WarningGrade;
  startDay: number;
  /** The end of the warning's last day (exclusive); for a lift, the lift. */
  endDay: number;
}

/**
 * Every notice the units publish after the forecasts issued on days [fromDay, toDay) (days after the
 * anchor), in time order, of the warnings issued in that window. Each day's forecast is read the
 * way an emergency office reads it:
 *
 * - the episode ahead is the run of days forecast above 200 that begins tomorrow; its grade is the
 *   one the settings give those days (how many above 200, how many above 300, one at 500);
 * - with no warning in force, the office issues one when there is an episode ahead: in force from
 *   tomorrow 00:00 until the end of the episode's last day, at the episode's grade;
 * - with one in force, it lifts it, from tomorrow 00:00, when no episode is ahead any more; it
 *   raises it when the episode ahead calls for a higher grade, and extends it (an adjustment to the
 *   same grade) when the episode is forecast to last longer than the warning says. It does not
 *   lower a warning in force: as an episode runs its course fewer of its days remain in view, and
 *   the grade of the whole episode still stands.
 *
 * So a warning always starts the day after its notice, is lifted only after it has started, and
 * lasts as long as the days that call for its grade: a blue one at least a day, a yellow one two,
 * an orange one three, a red one four (or one day forecast at 500). Warnings are state carried from day to day, so unlike the other samples this one is computed
 * in sequence: from a month before the year of `fromDay` began, whatever the window, so that a
 * notice's number (counted per unit and year) and the warnings in force are the same in every
 * window that shows them.
 */
export function warningTimeline(seed: number, fromDay: number, toDay: number, settings: WarningSettings): WarningNotice[] {
  const inForce = new Map<string, InForce>();
  const sequences = new Map<string, number>();
  const notices: WarningNotice[] = [];
  const issuedInWindow = new Set<string>();
  for (let day = simulationStart(fromDay); day < toDay; day++) {
    for (const city of CITIES) {
      const current = inForce.get(city.name);
      const decision = decide(day, forecastRanges(seed, city, day), current, settings, city);
      if (!decision) continue;
      const notice = noticeOf(decision, forecastFor(seed, city, day), current, sequences);
      if (notice.action === 'lift') inForce.delete(city.name);
      else inForce.set(city.name, { grade: notice.grade, episodeNoticeNo: notice.episodeNoticeNo, startDay: decision.startDay, endDay: decision.endDay });
      if (day < fromDay) continue;
      // A window shows whole warnings: the later notices of one issued before it are left out with it.
      if (notice.action === 'issue') issuedInWindow.add(notice.noticeNo);
      if (issuedInWindow.has(notice.episodeNoticeNo)) notices.push(notice);
    }
  }
  return notices;
}

/** A month before the first of January of the year the window starts in. */
function simulationStart(fromDay: number): number {
  const yearStart = SAMPLE_ANCHOR.plus({ days: fromDay }).startOf('year');
  return Math.floor(yearStart.minus({ months: 1 }).diff(SAMPLE_ANCHOR, 'days').days);
}

/** What a unit's office decides on the forecast issued on `day` (the rules above), if anything. */
function decide(day: number, days: readonly AqiRange[], current: InForce | undefined, settings: WarningSettings, city: City): Decision | undefined {
  const tomorrow = day + 1;
  // The episode ahead: the run of days above the threshold that begins tomorrow, and its grade.
  const end = days.findIndex((d) => !(compared(d, settings) > WARNING_AQI_THRESHOLD));
  const episode = days.slice(0, end < 0 ? days.length : end);
  const called = forecastWarning(episode, settings, city.name);
  const episodeEnd = tomorrow + episode.length;
  if (!current) return called ? { action: 'issue', grade: called, startDay: tomorrow, endDay: episodeEnd } : undefined;
  const { grade, startDay, endDay } = current;
  if (!called) return { action: 'lift', grade, startDay, endDay: tomorrow };
  if (WARNING_LEVELS.indexOf(called.level) > WARNING_LEVELS.indexOf(grade.level)) {
    return { action: 'adjust', grade: called, previousGrade: grade, startDay, endDay: Math.max(episodeEnd, endDay) };
  }
  if (episodeEnd > endDay) return { action: 'adjust', grade, previousGrade: grade, startDay, endDay: episodeEnd };
  return undefined;
}

/** The notice of a decision, dated, numbered and quoting its forecast. */
function noticeOf(decision: Decision, forecast: CityForecast, current: InForce | undefined, sequences: Map<string, number>): WarningNotice {
  const publishedAt = forecast.issuedAt.plus({ minutes: NOTICE_DELAY_MINUTES + forecast.city.index * MINUTES_BETWEEN_CITIES });
  const noticeNo = nextNoticeNo(sequences, forecast.city, publishedAt);
  const at = (day: number) => SAMPLE_ANCHOR.plus({ days: day });
  const end = at(decision.endDay);
  return {
    city: forecast.city,
    action: decision.action,
    grade: decision.grade,
    ...(decision.previousGrade ? { previousGrade: decision.previousGrade } : {}),
    publishedAt,
    noticeNo,
    episodeNoticeNo: current?.episodeNoticeNo ?? noticeNo,
    start: at(decision.startDay),
    expectedEnd: end,
    ...(decision.action === 'lift' ? { liftTime: end } : {}),
    forecast,
  };
}
/** The end of a forecast range the settings compare with the thresholds. */
function compared(day: AqiRange, settings: WarningSettings): number {
  return settings.basis === 'high' ? day.high : day.low;
}

/** Each unit's office numbers its notices by year: 大庆重污染应急办〔2026〕1号, 2号 … */
function nextNoticeNo(sequences: Map<string, number>, city: City, at: DateTime): string {
  const key = `${city.code}/${at.year}`;
  const next = (sequences.get(key) ?? 0) + 1;
  sequences.set(key, next);
  return `${city.name.replace(/(市|地区)$/, '')}重污染应急办〔${at.year}〕${next}号`;
}
