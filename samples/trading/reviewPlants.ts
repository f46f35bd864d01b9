import { person } from '../kit/population';
import { random } from '../kit/random';
import type { Plant, PlantedCase } from '../review/schedule';
import { filingSentence, transfereeWithIdNumber, transfereeWithPassport, type Planted } from '../review/texts';
import type { TradingNoticeRecord } from '../../connectors/trading/notices/schema';
import { PLANS, stepsOf } from './plans';
import { localDate } from './platformClock';
import { processFacts, type ProcessFacts } from './processFacts';
import { slotAt, stepMinute } from './schedule';

const STREAM = '/trading/notices';

/**
 * The trading platform's planted review cases (samples/review). State assets are often sold to
 * natural persons (a surplus official car, idle equipment), and the clerk who writes the 成交公告
 * names the buyer with the ID number, or an overseas Chinese buyer with the passport number: every
 * other 产权交易 deal is planted so, about one notice in a hundred. One 询价 correction in six
 * quotes a filing number of the ID number's shape that fails its check digit (a look-alike), about
 * one notice in three hundred and fifty. Chosen by the project's cycle (./schedule.ts), so the notices
 * a page holds decide it alone.
 */
const ASSET_SALES = PLANS.findIndex((plan) => plan.tradeType === '产权交易');
const CORRECTED_QUOTATIONS = PLANS.findIndex((plan) => plan.method === '询价' && plan.steps.some((s) => s.type === 'amendment'));

export function tradingPlant(facts: ProcessFacts, lot: number, step: number): Plant | undefined {
  const type = stepsOf(facts.plan, lot)[step].type;
  const plan = facts.process % PLANS.length;
  const cycle = Math.floor(facts.process / PLANS.length);
  if (plan === ASSET_SALES && type === 'award' && cycle % 2 === 0) return { expect: 'held', kind: (cycle / 2) % 2 === 0 ? 'id-number' : 'passport' };
  if (plan === CORRECTED_QUOTATIONS && type === 'amendment' && cycle % 6 === 1) return { expect: 'published', kind: 'id-wrong-check-digit' };
  return undefined;
}

/** The passage planted in a notice of a project, drawn from (seed, project) alone. */
export function plantedPassage(plant: Plant, facts: ProcessFacts, lot: number, step: number, seed: number): Planted {
  const r = random(seed, STREAM, 'review', facts.process);
  switch (plant.kind) {
    case 'id-number':
      return transfereeWithIdNumber(person(r, seed));
    case 'passport':
      return transfereeWithPassport(person(r, seed), r);
    case 'id-wrong-check-digit':
      return filingSentence(facts.buyer.regionCode, localDate(stepMinute(facts.process, lot, step)).replace(/-/g, ''), r);
    default:
      throw new Error(`a trading notice cannot carry the review case ${plant.kind}`);
  }
}

/**
 * The notice with its passage: a natural person as the transferee (no credit code; named, with the
 * price, and nothing else), or the filing sentence after the correction's reason.
 */
export function withPassage(plant: Plant, record: TradingNoticeRecord, passage: Planted): TradingNoticeRecord {
  if (plant.kind === 'id-wrong-check-digit') return { ...record, amendReason: `${record.amendReason ?? ''}${passage.text}` };
  const amount = record.winners?.[0]?.amount;
  return { ...record, winners: [{ name: passage.text, ...(amount !== undefined ? { amount } : {}) }] };
}

/** The review case planted in notice `index` of the feed, if any, with the span the review must find (or leave alone). */
export function plantedNotice(index: number, seed: number): PlantedCase | undefined {
  const slot = slotAt(index);
  const facts = processFacts(slot.process, seed);
  const plant = tradingPlant(facts, slot.lot, slot.step);
  return plant && { plant, value: plantedPassage(plant, facts, slot.lot, slot.step, seed).value };
}
