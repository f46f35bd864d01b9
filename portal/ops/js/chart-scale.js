/** Axis arithmetic for the run charts: round tick steps and day boundaries in China time. */

const DAY_MS = 24 * 3600 * 1000;
/** China has kept UTC+8 all year since 1991, so its midnights are plain arithmetic. */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/**
 * Ticks from 0 past `max` in steps of 1, 2 or 5 times a power of ten, about four of them, so the
 * labels read as round numbers. `max` 0 still gets an axis up to one step.
 */
export function valueTicks(max, minimumStep) {
  const rough = Math.max(max / 4, minimumStep);
  const power = Math.pow(10, Math.floor(Math.log10(rough)));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= rough);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks = [];
  for (let value = 0; value <= top + step / 2; value += step) ticks.push(Number(value.toPrecision(12)));
  return ticks;
}

/** Midnights (China time) between two instants, every `everyDays` days, at most about eight. */
export function dayTicks(fromMs, toMs) {
  const days = (toMs - fromMs) / DAY_MS;
  const everyDays = [1, 2, 7, 14, 28].find((n) => days / n <= 8) || 28;
  const firstMidnight = Math.ceil((fromMs + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS;
  const ticks = [];
  for (let t = firstMidnight; t <= toMs; t += everyDays * DAY_MS) ticks.push(t);
  return ticks;
}

/** "MM-DD" of a China midnight. */
export function dayLabel(ms) {
  const china = new Date(ms + CHINA_OFFSET_MS);
  return String(china.getUTCMonth() + 1).padStart(2, '0') + '-' + String(china.getUTCDate()).padStart(2, '0');
}
