import type { FeedOptions, IndexedFeed } from '../kit/feed';
import { random, type Random } from '../kit/random';
import { maybeMalformed, type Malformation } from '../kit/malformed';
import { chinaTime, oneAtRandomPerSlot, slotOf } from '../kit/timeline';
import { partyFields2016 } from './parties';
import { penaltyContent, samplePenalty } from './samplePenalty';
import { plantAt, type CatchKind, type LookAlikeKind, type PlantedCase } from '../review/schedule';
import { plantInPenalty, plantNeedsPerson } from './reviewPlants';

const PATH = '/credit/penalties-2016.csv';

/** The export's columns, in the order the 2016 format lists them. */
export const PENALTIES_2016_COLUMNS = [
  'CF_WSH', 'CF_AJMC', 'CF_CFLB1', 'CF_CFLB2', 'CF_SY', 'CF_YJ',
  'CF_XDR_MC', 'CF_XDR_SHXYM', 'CF_XDR_ZDM', 'CF_XDR_GSDJ', 'CF_XDR_SWDJ', 'CF_XDR_SFZ', 'CF_FR', 'CF_SFZ',
  'CF_JG', 'CF_JDRQ', 'CF_XZJG', 'CF_ZT', 'CF_SJC', 'BZ',
] as const;

/** What the review finds planted in this export (samples/review), and the look-alike it must let through. */
export const PENALTY_2016_CATCHES: readonly CatchKind[] = ['home-address', 'commercial-secret', 'bank-card'];
export const PENALTY_2016_LOOK_ALIKES: readonly LookAlikeKind[] = ['card-failing-luhn'];

/** Rows were stored about every six hours from 2016-03-01. */
const SLOTS = oneAtRandomPerSlot(PATH, chinaTime(2016, 3, 1), 360);

/**
 * The 2016-era export: one GBK CSV file, every value a string, dates the way Excel writes them
 * (2016/5/3), amounts only inside 处罚结果, sometimes in capital numerals.
 */
export const penalties2016Sample: IndexedFeed = {
  path: PATH,
  format: 'csv',
  encoding: 'gbk',
  csvColumns: PENALTIES_2016_COLUMNS,
  count: (o) => o.scale,
  record: (index, o) => maybeMalformed(rowAt(index, o).row, PATH, index, o, MALFORMATIONS),
};

/** The review case planted in row `index`, if any, with the span the review must find (or leave alone). */
export function plantedPenalty2016(index: number, o: FeedOptions): PlantedCase | undefined {
  if (!plantAt(PATH, index, o, PENALTY_2016_CATCHES, PENALTY_2016_LOOK_ALIKES)) return undefined;
  return rowAt(index, o).planted;
}

function rowAt(index: number, o: FeedOptions): { row: Record<string, string>; planted?: PlantedCase } {
  const r = random(o.seed, PATH, index);
  const updated = slotOf(index, SLOTS, o.seed).time;
  const plant = plantAt(PATH, index, o, PENALTY_2016_CATCHES, PENALTY_2016_LOOK_ALIKES);
  const penalty = samplePenalty(r, o.seed, index, updated, 'before-2018', plantNeedsPerson(plant));
  // Drawn apart from the row's own randomness, so the plant changes nothing else of it.
  const planted = plant && plantInPenalty(plant, penalty, random(o.seed, PATH, 'review', index));
  const [first, ...rest] = penalty.violation.categories;
  const row: Record<string, string> = {
    CF_WSH: penalty.documentNumber,
    CF_AJMC: `${penalty.party.kind === 'person' ? penalty.party.person.name : penalty.party.enterprise.name}${penalty.violation.type}案`,
    CF_CFLB1: first,
    CF_CFLB2: rest.join('、'),
    CF_SY: planted?.facts ?? penalty.facts,
    CF_YJ: penalty.violation.basis,
    ...partyFields2016(penalty.party, r, o.seed),
    CF_JG: penaltyContent(penalty, r.chance(0.2) ? 'capital' : 'arabic'),
    CF_JDRQ: penalty.decided.toFormat(r.pick(['yyyy/M/d', 'yyyy/M/d', 'yyyy-MM-dd', 'yyyy年M月d日'])),
    CF_XZJG: penalty.authority.name,
    CF_ZT: state(r),
    CF_SJC: updated.toFormat('yyyy/M/d HH:mm:ss'),
    BZ: planted?.remarks ?? '',
  };
  return { row, planted: plant && planted ? { plant, value: planted.value } : undefined };
}

/** 当前状态: mostly 0 (正常), sometimes blank or written out, a few revoked (1). */
function state(r: Random): string {
  const roll = r.next();
  return roll < 0.7 ? '0' : roll < 0.85 ? '' : roll < 0.95 ? '正常' : '1';
}

/** How rows of an old export go wrong: blank mandatory columns, bad dates, bad codes, bad amounts. */
const MALFORMATIONS: readonly Malformation[] = [
  (bad) => void (bad.CF_WSH = ''),
  (bad) => void (bad.CF_XZJG = ''),
  (bad) => void (bad.CF_XDR_MC = ''),
  (bad) => void (bad.CF_JDRQ = '2016/2/30'),
  (bad) => void (bad.CF_JDRQ = '待定'),
  (bad) => void (bad.CF_XDR_SHXYM = '9123060'),
  (bad) => {
    for (const column of ['CF_XDR_SHXYM', 'CF_XDR_ZDM', 'CF_XDR_GSDJ', 'CF_XDR_SWDJ', 'CF_XDR_SFZ']) bad[column] = '';
  },
  // Only the mapping can read amounts in free text: this row is refused at the map stage.
  (bad) => void (bad.CF_JG = '罚款人民币-2000元'),
];
