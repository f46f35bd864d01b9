import { CYCLE_DAYS, lotCountOf, PLANS, stepOffsetMinutes, stepsOf, type Plan } from './plans';
import { MINUTES_PER_DAY } from '../kit/timeline';

/**
 * Index order of the sample feed: notice i ↔ (project, lot, step), ascending by publication time,
 * so any page is computed without the ones before it (as air-hourly maps i → (hour, station)).
 *
 * Project p runs plan p mod P, starting in cycle ⌊p / P⌋ (a cycle is CYCLE_DAYS long). A step's
 * offset within its project is fixed by its plan and lot, so every cycle window holds the same
 * notices at the same minutes of the window: step s of lot l of plan k falls at phase (offset mod
 * cycle) of window (cycle + ⌊offset / cycle⌋). Sorting one window's (plan, lot, step) triples by
 * phase therefore orders the whole feed. The first windows lack the late steps of projects that
 * would have begun before the feed's first day, so they hold fewer notices; from window MAX_SHIFT
 * on every window is full.
 */

const CYCLE_MINUTES = CYCLE_DAYS * MINUTES_PER_DAY;

interface Entry {
  plan: number;
  lot: number;
  step: number;
  /** Minute of the window it falls in. */
  phase: number;
  /** Windows after its process's first window. */
  shift: number;
}

const ENTRIES: readonly Entry[] = PLANS.flatMap((plan, k) =>
  Array.from({ length: lotCountOf(plan) }, (_, lot) =>
    stepsOf(plan, lot).map((_, step) => {
      const offset = stepOffsetMinutes(plan, lot, step);
      return { plan: k, lot, step, phase: offset % CYCLE_MINUTES, shift: Math.floor(offset / CYCLE_MINUTES) };
    }),
  ).flat(),
).sort((a, b) => a.phase - b.phase || a.plan - b.plan || a.lot - b.lot || a.step - b.step);

const MAX_SHIFT = Math.max(...ENTRIES.map((e) => e.shift));
const RAMP: readonly Entry[][] = Array.from({ length: MAX_SHIFT }, (_, w) => ENTRIES.filter((e) => e.shift <= w));
const RAMP_STARTS: readonly number[] = RAMP.reduce<number[]>((starts, entries, w) => [...starts, starts[w] + entries.length], [0]);
const STEADY_START = RAMP_STARTS[MAX_SHIFT];

function entriesOf(window: number): readonly Entry[] {
  return window < MAX_SHIFT ? RAMP[window] : ENTRIES;
}

function windowStart(window: number): number {
  return window < MAX_SHIFT ? RAMP_STARTS[window] : STEADY_START + (window - MAX_SHIFT) * ENTRIES.length;
}

function windowOf(index: number): number {
  if (index >= STEADY_START) return MAX_SHIFT + Math.floor((index - STEADY_START) / ENTRIES.length);
  let window = 0;
  while (RAMP_STARTS[window + 1] <= index) window++;
  return window;
}

export interface NoticeSlot {
  /** The project (one project of each plan starts every cycle). */
  process: number;
  /** Its lot, 0 for the first (or only) one. */
  lot: number;
  step: number;
  /** When the notice is published, in minutes after the sample's first midnight (platformClock.ts). */
  minute: number;
}

export function slotAt(index: number): NoticeSlot {
  if (!Number.isInteger(index) || index < 0) throw new Error(`notice index must be a whole number ≥ 0, got ${index}`);
  const window = windowOf(index);
  const entry = entriesOf(window)[index - windowStart(window)];
  const cycle = window - entry.shift;
  return { process: cycle * PLANS.length + entry.plan, lot: entry.lot, step: entry.step, minute: window * CYCLE_MINUTES + entry.phase };
}

/** The first index published at or after a minute. */
export function firstIndexAtOrAfter(minute: number): number {
  if (minute <= 0) return 0;
  const window = Math.floor(minute / CYCLE_MINUTES);
  const phase = minute - window * CYCLE_MINUTES;
  const k = entriesOf(window).findIndex((e) => e.phase >= phase);
  return k < 0 ? windowStart(window + 1) : windowStart(window) + k;
}

export function planOf(process: number): Plan {
  return PLANS[process % PLANS.length];
}

/** When step `step` of lot `lot` of project `process` is published (minutes, platformClock.ts). */
export function stepMinute(process: number, lot: number, step: number): number {
  return Math.floor(process / PLANS.length) * CYCLE_MINUTES + stepOffsetMinutes(planOf(process), lot, step);
}
