import { variantOfCode } from '../kit/population';
import { random, type Random } from '../kit/random';
import type { FeedOptions } from '../kit/feed';
import { DEFAULT_CITY, NOTICE_TYPES, type AmountUnit } from '../../src/connectorKit';
import { bidDeadlineAt, contactOf, type LotFacts, type ProcessFacts } from './processFacts';
import { stepsOf, type PlanStep } from './plans';
import type { TradingNoticeRecord } from '../../connectors/trading/notices/schema';
import { MINUTES_PER_DAY } from '../kit/timeline';
import { localDate, localDateTime, startOfDay } from './platformClock';
import { stepMinute } from './schedule';
import { plantedPassage, tradingPlant, withPassage } from './reviewPlants';

/** The city's trading centre publishes the notices. */
export const PLATFORM = DEFAULT_CITY.authorities.tradingCentre;
const STREAM = '/trading/notices';

/**
 * Step `step` of one lot of a project as the platform writes it. Every notice repeats the
 * project's identity, its lot and its parties; the fields of its type come on top. The ways real
 * platforms differ from notice to notice are drawn per notice: an older notice with no type code,
 * a code written oddly or wrongly, a project code in another case. The feed gives no link: the
 * hub builds it from the platform's address pattern (city.sourceLinks.trading).
 */
export function noticeRecord(facts: ProcessFacts, lot: number, step: number, o: FeedOptions): TradingNoticeRecord {
  const s = stepsOf(facts.plan, lot)[step];
  const lotFacts = facts.lots[lot];
  const r = random(o.seed, STREAM, 'notice', facts.process, lot, step);
  const time = stepMinute(facts.process, lot, step);
  const noticeId = noticeIdOf(facts, lot, step);
  const subject = lotFacts.divided ? `${facts.projectName}（${lotFacts.name}）` : facts.projectName;
  const record: TradingNoticeRecord = {
    noticeId,
    ...typeFields(s, r),
    noticeTitle: s.type === 'amendment' ? `关于${subject}的${s.typeName}` : `${subject}${s.typeName}`,
    projectCode: writtenProjectCode(facts.projectCode, r),
    projectName: facts.projectName,
    lotCode: lotFacts.code,
    lotName: lotFacts.name,
    tradeType: facts.plan.tradeType,
    procurementMethod: facts.plan.method,
    ...(facts.plan.category ? { purchaseCategory: facts.plan.category } : {}),
    region: facts.buyer.region,
    regionCode: facts.buyer.regionCode,
    platformName: PLATFORM,
    buyerName: facts.buyer.name,
    buyerCode: writtenCode(facts.buyer.uscc, r),
    ...(facts.agency ? { agencyName: facts.agency.name, agencyCode: writtenCode(facts.agency.uscc, r) } : {}),
    amountUnit: facts.unit,
    ...stepFields(facts, lotFacts, s, step, time, r),
    contactPerson: facts.contact.name,
    contactPhone: facts.contact.phone,
    publishTime: localDateTime(time),
  };
  const plant = tradingPlant(facts, lot, step);
  const planted = plant ? withPassage(plant, record, plantedPassage(plant, facts, lot, step, o.seed)) : record;
  return corrected(planted, facts, lot, step, time, o);
}

/** The platform's notice number: publication day, project, lot and step. */
export function noticeIdOf(facts: ProcessFacts, lot: number, step: number): string {
  const day = localDate(stepMinute(facts.process, lot, step)).replace(/-/g, '');
  return `GG${day}${String(facts.process).padStart(5, '0')}${lot}${step}`;
}

/** Notices from before the platform coded types carry only a name, a few not even that. */
function typeFields(s: PlanStep, r: Random): Pick<TradingNoticeRecord, 'noticeTypeCode' | 'noticeTypeName'> {
  const roll = r.next();
  if (roll < 0.9) return { noticeTypeCode: NOTICE_TYPES[s.type].code, noticeTypeName: s.typeName };
  return roll < 0.97 ? { noticeTypeName: s.typeName } : {};
}

function stepFields(facts: ProcessFacts, lot: LotFacts, s: PlanStep, step: number, time: number, r: Random): Partial<TradingNoticeRecord> {
  const unit = facts.unit;
  const winner = lot.bids[0];
  const winners = () => [{ name: winner.bidder.name, code: writtenCode(winner.bidder.uscc, r), amount: writtenAmount(winner.amount, unit, r) }];
  const daysBefore = (days: number) => localDate(time - days * MINUTES_PER_DAY);
  switch (s.type) {
    case 'tender':
      return { budget: writtenAmount(lot.budget, unit, r), bidDeadline: deadlineOf(facts, lot, step) };
    case 'qualification':
      return { budget: writtenAmount(lot.budget, unit, r), tenderers: lot.bids.map((b) => ({ name: b.bidder.name, ...bidderCode(b.bidder.uscc, r) })) };
    case 'amendment':
      return {
        amendedNoticeId: noticeIdOf(facts, lot.index, 0),
        amendReason: s.reason,
        ...(s.extendsDeadline ? { bidDeadline: deadlineOf(facts, lot, step) } : {}),
      };
    case 'candidates':
      return {
        tenderers: lot.bids.slice(0, 3).map((b, i) => ({ rank: i + 1, name: b.bidder.name, ...bidderCode(b.bidder.uscc, r), bidAmount: writtenAmount(b.amount, unit, r) })),
      };
    case 'award':
      return { budget: writtenAmount(lot.budget, unit, r), winners: winners(), awardDate: daysBefore(1) };
    case 'contract':
      return { ...contractFields(facts, lot, r), winners: winners(), signDate: daysBefore(2) };
    case 'implementation':
      return { ...contractFields(facts, lot, r), winners: winners(), acceptanceDate: daysBefore(3), acceptanceResult: r.chance(0.95) ? '合格' : '不合格' };
    case 'cancellation':
      return { cancelReason: s.reason };
  }
}

/** The contract as its notice gave it: signed two days before that notice, starting the day after. */
function contractFields(facts: ProcessFacts, lot: LotFacts, r: Random): Partial<TradingNoticeRecord> {
  const contractStep = stepsOf(facts.plan, lot.index).findIndex((s) => s.type === 'contract');
  const signed = startOfDay(stepMinute(facts.process, lot.index, contractStep)) - 2 * MINUTES_PER_DAY;
  return {
    contractNo: lot.contractNo,
    contractAmount: writtenAmount(lot.bids[0].amount, facts.unit, r),
    contractStart: localDate(signed + MINUTES_PER_DAY),
    contractEnd: localDate(signed + (1 + lot.contractDays) * MINUTES_PER_DAY),
  };
}

function deadlineOf(facts: ProcessFacts, lot: LotFacts, step: number): string {
  return localDateTime(bidDeadlineAt(facts, lot.index, step));
}

/**
 * Codes as notices carry them: mostly as registered, about one in ten with the oddities of real
 * feeds (lower case, blanks, full-width characters — which the hub normalises — or a typo or a
 * placeholder, which it flags and never links).
 */
function writtenCode(uscc: string, r: Random): string {
  return r.chance(0.1) ? variantOfCode(uscc, r).code : uscc;
}

/** Candidate and applicant lists sometimes omit a bidder's code. */
function bidderCode(uscc: string, r: Random): { code?: string } {
  return r.chance(0.05) ? {} : { code: writtenCode(uscc, r) };
}

/** Most notices write the project code as registered; some in lower case or with a full-width dash. */
function writtenProjectCode(code: string, r: Random): string {
  const roll = r.next();
  if (roll < 0.04) return code.toLowerCase();
  if (roll < 0.06) return code.replace(/-/g, '－');
  if (roll < 0.08) return ` ${code} `;
  return code;
}

/** 元 as text with two decimals (sometimes with separators), 万元 as a number, as platforms write them. */
function writtenAmount(amount: number, unit: AmountUnit, r: Random): number | string {
  if (unit === '万元') return amount;
  const text = amount.toFixed(2);
  return r.chance(0.2) ? text.replace(/\B(?=(\d{3})+\.)/g, ',') : text;
}

/**
 * A later edition corrects about one notice in twenty: the platform changes the contact and sets
 * updateTime, keeping the publication time (and so the notice's place in the list).
 */
function corrected(record: TradingNoticeRecord, facts: ProcessFacts, lot: number, step: number, time: number, o: FeedOptions): TradingNoticeRecord {
  const r = random(o.seed, STREAM, 'edition', o.edition, facts.process, lot, step);
  if (o.edition <= 1 || !r.chance(0.05)) return record;
  const contact = contactOf(r, o.seed);
  return { ...record, contactPerson: contact.name, contactPhone: contact.phone, updateTime: localDateTime(startOfDay(time) + MINUTES_PER_DAY + 9 * 60) };
}
