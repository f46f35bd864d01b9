import type { DateTime } from 'luxon';
import { DEFAULT_CITY } from '../../src/connectorKit';
import { hasLocalCounterpart, LOCAL_DEPARTMENTS, MUNICIPAL_DEPARTMENTS, type CityDepartment } from '../kit/cityDepartments';
import type { FeedOptions } from '../kit/feed';
import { hash32, random } from '../kit/random';
import { chinaTime } from '../kit/timeline';
import { CATEGORIES, POWER_TEMPLATES, type PowerTemplate } from './catalogue';

/**
 * The city's 权责清单 as lists of entries. An entry is one power of one department: the city's
 * departments each exercise their templates, and each district's and county's counterpart the
 * templates of its type. The power list and the duty list are kept together, so entry e is the
 * same power in both, and both change alike from edition to edition:
 *
 * - edition 1 lists entries 0 … n − 1 (n: the scale, at most all but a reserve);
 * - from edition 2 on, edition − 1 slots of every BLOCK of those (at most MAX_LEFT, the same slots
 *   for a seed) have left the list: powers abolished or handed down (removed);
 * - and the entries after n are added, GROWTH per edition per BLOCK listed: powers newly assigned.
 *
 * Feed index → entry is arithmetic, so a page is computed without the entries before it.
 */
const BLOCK = 20;
const MAX_LEFT = 5;
/** New powers per edition: one for every twenty listed. */
const GROWTH_PER_BLOCK = 1;

const LOCAL_TEMPLATES = POWER_TEMPLATES.filter((t) => hasLocalCounterpart(t.type));
const DIVISIONS = DEFAULT_CITY.districts.length;
/** Every entry there is: the city's powers, then each division's. */
const ALL_ENTRIES = POWER_TEMPLATES.length + DIVISIONS * LOCAL_TEMPLATES.length;
/** Kept back from edition 1 at the largest scales, so that a later edition still has powers to add. */
const RESERVE = Math.ceil(ALL_ENTRIES / 10);

export interface PowerEntry {
  entry: number;
  template: PowerTemplate;
  department: CityDepartment;
  /** 事项编码: the department's code, the category's letters and the entry. */
  code: string;
  /** 行使层级. */
  level: '市级' | '县级';
  /** When the list last changed the item (更新日期). */
  updated: DateTime;
}

type Options = Pick<FeedOptions, 'seed' | 'scale' | 'edition'>;

/** The entries edition 1 lists. */
export function firstListed(o: Pick<FeedOptions, 'scale'>): number {
  return Math.min(o.scale, ALL_ENTRIES - RESERVE);
}

/** How many entries after the first listing the lists hold by an edition. */
export function added(o: Options): number {
  const perEdition = Math.ceil(firstListed(o) / BLOCK) * GROWTH_PER_BLOCK;
  return Math.min(RESERVE, perEdition * Math.max(0, o.edition - 1));
}

/** The slots (0 … BLOCK − 1) of each block of the first listing still listed at an edition. */
function stayingSlots(o: Options): number[] {
  const slots = Array.from({ length: BLOCK }, (_, slot) => slot);
  const leaving = Math.min(Math.max(o.edition - 1, 0), MAX_LEFT);
  const order = [...slots].sort((a, b) => hash32(o.seed, 'powers', 'leave', a) - hash32(o.seed, 'powers', 'leave', b));
  const left = new Set(order.slice(0, leaving));
  return slots.filter((slot) => !left.has(slot));
}

/** Whether an entry is on the lists at an edition. */
export function isListed(entry: number, o: Options): boolean {
  const n = firstListed(o);
  if (entry >= n) return entry < n + added(o);
  return stayingSlots(o).includes(entry % BLOCK);
}

export function listedCount(o: Options): number {
  const n = firstListed(o);
  const slots = stayingSlots(o);
  const rest = n % BLOCK;
  return Math.floor(n / BLOCK) * slots.length + slots.filter((slot) => slot < rest).length + added(o);
}

/** The entry at a feed index: the first listing's staying entries in order, then the added ones. */
export function entryAt(index: number, o: Options): number {
  const n = firstListed(o);
  const slots = stayingSlots(o);
  const rest = n % BLOCK;
  const staying = Math.floor(n / BLOCK) * slots.length + slots.filter((slot) => slot < rest).length;
  if (index >= staying) return n + (index - staying);
  return Math.floor(index / slots.length) * BLOCK + slots[index % slots.length];
}

/** The power an entry is, and when the list last changed it. */
export function powerEntry(entry: number, o: Options): PowerEntry {
  const { template, department } = placeOf(entry);
  const n = firstListed(o);
  return {
    entry,
    template,
    department,
    code: `${department.code}-${CATEGORIES[template.category]}-${String(entry).padStart(5, '0')}`,
    level: department.division.code === DEFAULT_CITY.code ? '市级' : '县级',
    updated: entry < n ? adjusted(entry, o.seed) : addedOn(entry - n, o),
  };
}

function placeOf(entry: number): { template: PowerTemplate; department: CityDepartment } {
  if (entry < POWER_TEMPLATES.length) {
    const template = POWER_TEMPLATES[entry];
    return { template, department: MUNICIPAL_DEPARTMENTS.find((d) => d.type === template.type)! };
  }
  const local = entry - POWER_TEMPLATES.length;
  const division = DEFAULT_CITY.districts[Math.floor(local / LOCAL_TEMPLATES.length) % DIVISIONS];
  const template = LOCAL_TEMPLATES[local % LOCAL_TEMPLATES.length];
  return { template, department: LOCAL_DEPARTMENTS.find((d) => d.division.code === division.code && d.type === template.type)! };
}

/** The city published its revised lists on 30 June 2021; about a third of the items changed since. */
function adjusted(entry: number, seed: number): DateTime {
  const r = random(seed, 'powers', 'adjusted', entry);
  const published = chinaTime(2021, 6, 30, 10);
  return r.chance(0.35) ? published.plus({ days: r.int(60, 1600) }) : published;
}

/** An added power is listed in the edition that adds it: editions come a fortnight apart from June 2026. */
function addedOn(offset: number, o: Options): DateTime {
  const perEdition = Math.max(1, Math.ceil(firstListed(o) / BLOCK) * GROWTH_PER_BLOCK);
  const edition = 2 + Math.floor(offset / perEdition);
  return chinaTime(2026, 6, 1, 10).plus({ days: 14 * (edition - 2) });
}
