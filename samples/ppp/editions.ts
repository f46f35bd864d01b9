import type { DateTime } from 'luxon';
import type { FeedOptions } from '../kit/feed';
import { hash32 } from '../kit/random';
import { chinaTime } from '../kit/timeline';

/**
 * The library's editions: when each project of the sample library changes, and where it sits in
 * the feed of an edition.
 *
 * The library lists projects by update time, so a project that changes moves to the end. Every
 * project belongs to one of CHANGE_CLASSES classes; edition k (k ≥ 2) changes the projects of
 * class (k − 2) mod CHANGE_CLASSES. Version k of project p is stamped
 *     FIRST_UPDATE + ((k − 1) × scale + p) × STEP,
 * so all of edition k's changes come after everything earlier, in project order. The feed at an
 * edition lists the projects that never changed, in project order, then each changed class by the
 * edition of its last change. All of it is arithmetic on (project, edition, scale, seed), so any
 * position is computed without the ones before it, and the update times ascend with the position.
 */

/** When the first version of project 0 was stamped. */
export const FIRST_UPDATE = chinaTime(2026, 1, 5, 9);
/**
 * Five minutes between projects: an edition of a few hundred projects spans more than a day, so an
 * incremental run (which re-reads a day before its cursor) skips what it read before.
 */
export const STEP_SECONDS = 300;
/** One project in CHANGE_CLASSES changes in each later edition. */
export const CHANGE_CLASSES = 6;

type Options = Pick<FeedOptions, 'seed' | 'scale' | 'edition'>;

export function changeClass(project: number, seed: number): number {
  return (project + classOffset(seed)) % CHANGE_CLASSES;
}

/** The editions (≥ 2, up to the current one) in which the project changed, ascending. */
export function changeEditions(project: number, o: Options): number[] {
  const editions: number[] = [];
  for (let k = 2 + changeClass(project, o.seed); k <= o.edition; k += CHANGE_CLASSES) editions.push(k);
  return editions;
}

/** The edition of the project's current version: 1 when it has not changed since first listed. */
export function lastChange(project: number, o: Options): number {
  return changeEditions(project, o).at(-1) ?? 1;
}

/** The update time of version `edition` of a project. */
export function changeTime(project: number, edition: number, o: Options): DateTime {
  return FIRST_UPDATE.plus({ seconds: ((edition - 1) * o.scale + project) * STEP_SECONDS });
}

/** The project listed at a position of the feed. */
export function projectAt(position: number, o: Options): number {
  let rest = position;
  for (const classes of feedGroups(o)) {
    const size = classes.reduce((n, c) => n + classSize(c, o), 0);
    if (rest < size) return nthProject(classes, rest, o.seed);
    rest -= size;
  }
  throw new RangeError(`position ${position} is past the end of a feed of ${o.scale} projects`);
}

/** The update time of the record at a position; ascends with the position. */
export function positionTime(position: number, o: Options): DateTime {
  const project = projectAt(position, o);
  return changeTime(project, lastChange(project, o), o);
}

/** Decorrelates the classes from the malformed share, which is also a function of (index + seed). */
function classOffset(seed: number): number {
  return hash32(seed, 'ppp-change-class') % CHANGE_CLASSES;
}

/**
 * The feed's groups in order, each a set of classes: the classes that never changed, then every
 * changed class alone, ordered by the edition of its last change.
 */
function feedGroups(o: Options): number[][] {
  const classes = Array.from({ length: CHANGE_CLASSES }, (_, c) => c);
  const lastOf = (c: number) => 2 + c + CHANGE_CLASSES * Math.floor((o.edition - 2 - c) / CHANGE_CLASSES);
  const unchanged = classes.filter((c) => 2 + c > o.edition);
  const changed = classes.filter((c) => 2 + c <= o.edition).sort((a, b) => lastOf(a) - lastOf(b));
  return [unchanged, ...changed.map((c) => [c])];
}

/** The smallest project of a class. */
function firstOfClass(c: number, seed: number): number {
  return (c - classOffset(seed) + CHANGE_CLASSES) % CHANGE_CLASSES;
}

function classSize(c: number, o: Options): number {
  const first = firstOfClass(c, o.seed);
  return first < o.scale ? Math.floor((o.scale - 1 - first) / CHANGE_CLASSES) + 1 : 0;
}

/** The j-th project (ascending) of those in the given classes: they repeat every CHANGE_CLASSES projects. */
function nthProject(classes: number[], j: number, seed: number): number {
  const firsts = classes.map((c) => firstOfClass(c, seed)).sort((a, b) => a - b);
  return Math.floor(j / firsts.length) * CHANGE_CLASSES + firsts[j % firsts.length];
}
