import { yuanToWanYuan } from '../../src/connectorKit';
import type { Malformation } from '../kit/malformed';
import { random, type Random } from '../kit/random';
import { slottedFeed } from '../kit/slottedFeed';
import { chinaTime, oneAtRandomPerSlot, slotOf, type SlotPosition } from '../kit/timeline';
import type { FeedOptions } from '../kit/feed';
import { malformations2019 } from './malformations2019';
import { partyFields2019 } from './parties';
import { penaltyContent, samplePenalty, type SamplePenalty } from './samplePenalty';
import { plantAt, type CatchKind, type LookAlikeKind, type PlantedCase } from '../review/schedule';
import { plantInPenalty, plantNeedsPerson } from './reviewPlants';

const PATH = '/credit/penalties';

/** How the platform's penalty records go wrong: as any 2019-template record, and in the penalty's own fields. */
const MALFORMATIONS: readonly Malformation[] = [
  ...malformations2019('CF'),
  (bad) => void (bad.CF_NR_FK = true),
  (bad) => void (bad.CF_NR_FK = '-0.5'),
  (bad) => void delete bad.CF_CFJG,
];

/** What the review finds planted in this feed (samples/review), and the look-alike it must let through. */
export const PENALTY_CATCHES: readonly CatchKind[] = ['classification-mark', 'home-address', 'passport'];
export const PENALTY_LOOK_ALIKES: readonly LookAlikeKind[] = ['id-impossible-birth-date'];

/** Stored by the platform about every three hours from 2025-01-01, ascending by SJC. */
const SLOTS = oneAtRandomPerSlot(PATH, chinaTime(2025, 1, 1), 180);

/** Penalties in the 2019 template, as the credit platform's API serves them. */
export const penaltiesSample = slottedFeed({
  path: PATH,
  slots: SLOTS,
  record: (at, o) => penaltyAt(at, o).record,
  malformations: MALFORMATIONS,
});

/** The review case planted in record `index`, if any, with the span the review must find (or leave alone). */
export function plantedPenalty(index: number, o: FeedOptions): PlantedCase | undefined {
  if (!plantAt(PATH, index, o, PENALTY_CATCHES, PENALTY_LOOK_ALIKES)) return undefined;
  return penaltyAt(slotOf(index, SLOTS, o.seed), o).planted;
}

function penaltyAt({ index, time: updated }: SlotPosition, o: FeedOptions): { record: Record<string, unknown>; planted?: PlantedCase } {
  const r = random(o.seed, PATH, index);
  const plant = plantAt(PATH, index, o, PENALTY_CATCHES, PENALTY_LOOK_ALIKES);
  const penalty = samplePenalty(r, o.seed, index, updated, 'current', plantNeedsPerson(plant));
  // Drawn apart from the record's own randomness, so the plant changes nothing else of it.
  const planted = plant && plantInPenalty(plant, penalty, random(o.seed, PATH, 'review', index));
  const record = {
    ...partyFields2019('CF', penalty.party, r, o.seed),
    CF_WSH: penalty.documentNumber,
    CF_WFXW: penalty.violation.type,
    CF_SY: planted?.facts ?? penalty.facts,
    CF_YJ: penalty.violation.basis,
    CF_CFLB: penalty.violation.categories.join(r.pick([';', '、', '，'])),
    CF_NR: penaltyContent(penalty, r.chance(0.1) ? 'capital' : 'arabic'),
    ...amountFields(penalty, r),
    ...(penalty.revokedLicence ? { CF_NR_ZKDX: penalty.revokedLicence } : {}),
    CF_JDRQ: penalty.decided.toFormat(r.chance(0.9) ? 'yyyy-MM-dd' : 'yyyy年M月d日'),
    CF_YXQ: penalty.decided.plus({ years: 1 }).toFormat('yyyy-MM-dd'),
    CF_GSJZQ: publicityEnd(penalty),
    CF_CFJG: penalty.authority.name,
    ...(r.chance(0.85) ? { CF_CFJGDM: penalty.authority.uscc } : {}),
    CF_SJLY: penalty.dataSource.name,
    ...(r.chance(0.8) ? { CF_SJLYDM: penalty.dataSource.uscc } : {}),
    BZ: planted?.remarks ?? (r.chance(0.1) ? r.pick(['当事人已履行完毕', '已缴纳罚款', '']) : ''),
    SJC: updated.toFormat('yyyy-MM-dd HH:mm:ss'),
  };
  return { record, planted: plant && planted ? { plant, value: planted.value } : undefined };
}

/** CF_NR_FK / CF_NR_WFFF in 万元 as platforms write them: mostly a numeric string, some a number, a few with the unit. */
function amountFields(p: SamplePenalty, r: Random): Record<string, string | number> {
  const fields: Record<string, string | number> = {};
  const write = (yuan: number) => {
    const roll = r.next();
    return roll < 0.85 ? String(yuanToWanYuan(yuan)) : roll < 0.97 ? yuanToWanYuan(yuan) : `${yuan}元`;
  };
  if (p.fineYuan) fields.CF_NR_FK = write(p.fineYuan);
  if (p.confiscationYuan) fields.CF_NR_WFFF = write(p.confiscationYuan);
  return fields;
}

/** 公示截止期: three months for a warning alone, three years otherwise (NDRC's publicity periods). */
function publicityEnd(p: SamplePenalty): string {
  const warningOnly = p.violation.categories.every((c) => c === '警告');
  return p.decided.plus(warningOnly ? { months: 3 } : { years: 3 }).toFormat('yyyy-MM-dd');
}
