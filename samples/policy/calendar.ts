import type { DateTime } from 'luxon';
import type { FeedOptions } from '../kit/feed';
import { random } from '../kit/random';
import { chinaTime } from '../kit/timeline';
import { DOCUMENTS_PATH, INTERPRETATIONS_PATH } from './paths';

/**
 * When the sample platform publishes each document and each interpretation. Both feeds share one
 * calendar of five-day slots from 2022-09-01: document d is published on day 1 or 2 of slot d, and
 * interpretation i within slot i, so both feeds ascend in time with their index and answer `since`
 * by bisection. Interpretation i interprets document i — on the same day mostly, a day or two
 * later often, the day before now and then (a data error the coverage query surfaces) — unless
 * document i gets none; then it is a follow-up (a press conference, a video) of document i − 1,
 * published in the next slot. At the default scale the calendar ends in October 2026.
 */
export const START = chinaTime(2022, 9, 1);
export const SLOT_DAYS = 5;

type Options = Pick<FeedOptions, 'seed' | 'scale' | 'edition'>;

/** About one document in seven gets no interpretation of its own. */
const UNINTERPRETED_SHARE = 0.15;

export function hasOwnInterpretation(document: number, seed: number): boolean {
  return random(seed, DOCUMENTS_PATH, 'interpreted', document).next() >= UNINTERPRETED_SHARE;
}

/** The document interpretation i interprets. */
export function interpretedDocument(interpretation: number, seed: number): number {
  return interpretation > 0 && !hasOwnInterpretation(interpretation, seed) ? interpretation - 1 : interpretation;
}

const slotStart = (slot: number) => START.plus({ days: slot * SLOT_DAYS });

/** A moment in office hours (09:00–16:59) `days` after a slot's start. */
const officeHours = (slot: number, days: number, minute: number) => slotStart(slot).plus({ days, hours: 9, minutes: minute });

/** When document d was published: day 1 or 2 of its slot, in office hours. */
export function documentTime(document: number, seed: number): DateTime {
  const r = random(seed, DOCUMENTS_PATH, 'time', document);
  return officeHours(document, r.int(1, 2), r.int(0, 8 * 60 - 1));
}

/**
 * When interpretation i was published. Its own document's: before it (4%, the day before), the same
 * day (58%), one day later (28%), or two to three days later; a follow-up: any day of its slot.
 * Every moment stays within slot i, which keeps the feed in time order.
 */
export function interpretationTime(interpretation: number, seed: number): DateTime {
  const r = random(seed, INTERPRETATIONS_PATH, 'time', interpretation);
  if (interpretedDocument(interpretation, seed) !== interpretation) return officeHours(interpretation, r.int(0, 4), r.int(0, 8 * 60 - 1));
  const published = documentTime(interpretation, seed);
  const day = published.diff(slotStart(interpretation), 'days').days;
  const publishedDay = Math.floor(day);
  const roll = r.next();
  if (roll < 0.04) return officeHours(interpretation, publishedDay - 1, r.int(0, 8 * 60 - 1));
  if (roll < 0.62) {
    // Later the same day, before 17:30.
    const minutesLeft = (publishedDay + 17.5 / 24 - day) * 24 * 60;
    return published.plus({ minutes: r.int(0, Math.floor(minutesLeft)) });
  }
  if (roll < 0.9) return officeHours(interpretation, publishedDay + 1, r.int(0, 8 * 60 - 1));
  return officeHours(interpretation, r.int(publishedDay + 2, 4), r.int(0, 8 * 60 - 1));
}

/** The edition's moment: after every first publication, so abolitions come last in the feed. */
const FIRST_EDITION_ENDS = (o: Options) => slotStart(o.scale);

/**
 * Abolitions (废止). Documents fall in ten classes by index; edition 2 abolishes class 4, edition 3
 * class 8, and later editions abolish nothing more. An abolished document is listed again with its
 * new update time, so it moves to the end of the feed, after all earlier editions' changes.
 */
const CLASSES = 10;
const ABOLISHED_CLASS_BY_EDITION = [4, 8];

/** The edition that abolishes document d, if one does. */
export function abolitionEdition(document: number): number | undefined {
  const k = ABOLISHED_CLASS_BY_EDITION.indexOf(document % CLASSES);
  return k < 0 ? undefined : k + 2;
}

/** When document d was abolished, as of the options' edition; undefined while it is in force. */
export function abolitionTime(document: number, o: Options): DateTime | undefined {
  const edition = abolitionEdition(document);
  if (edition === undefined || edition > o.edition) return undefined;
  // Each edition's abolitions are a day apart from the last, twenty minutes apart from each other.
  const perClass = Math.ceil(o.scale / CLASSES);
  const step = (edition - 2) * perClass + Math.floor(document / CLASSES);
  return FIRST_EDITION_ENDS(o).plus({ days: edition - 1, minutes: 20 * step });
}

/** The update time of document d: its abolition, else its publication. */
export function documentUpdateTime(document: number, o: Options): DateTime {
  return abolitionTime(document, o) ?? documentTime(document, o.seed);
}

const classSize = (c: number, count: number) => (c < count ? Math.floor((count - 1 - c) / CLASSES) + 1 : 0);

/**
 * The document listed at a position of the feed: those in force in document order, then each
 * edition's abolitions in document order. Arithmetic on classes, so any page is computed alone.
 */
export function documentAt(position: number, o: Options): number {
  const moved = ABOLISHED_CLASS_BY_EDITION.slice(0, Math.max(0, o.edition - 1));
  const staying = Array.from({ length: CLASSES }, (_, c) => c).filter((c) => !moved.includes(c));
  const stayingCount = o.scale - moved.reduce((n, c) => n + classSize(c, o.scale), 0);
  if (position < stayingCount) return Math.floor(position / staying.length) * CLASSES + staying[position % staying.length];
  let rest = position - stayingCount;
  for (const c of moved) {
    if (rest < classSize(c, o.scale)) return c + CLASSES * rest;
    rest -= classSize(c, o.scale);
  }
  throw new RangeError(`position ${position} is past the end of a feed of ${o.scale} documents`);
}
