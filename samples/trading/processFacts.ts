import { officePhone, person, type Enterprise } from '../kit/population';
import { random, type Random } from '../kit/random';
import type { AmountUnit } from '../../src/connectorKit';
import { BUYERS, type Buyer } from './buyers';
import { AGENCY_INDUSTRIES, bidderIndustries, pickFirm } from './firms';
import { EXTENSION_DAYS, lotCountOf, stepsOf, type Plan } from './plans';
import { MINUTES_PER_DAY } from '../kit/timeline';
import { localDate, startOfDay } from './platformClock';
import { planOf, stepMinute } from './schedule';

/**
 * What every notice of one project agrees on: who buys and who runs it, what it is, its lots, and
 * for each lot the money, who bids and who wins. Computed from (seed, project) alone, so each
 * notice can be generated on its own and still tell the same story.
 */
export interface ProcessFacts {
  /** The project's index (schedule.ts). */
  process: number;
  plan: Plan;
  /** When its first notice is published (minutes, platformClock.ts). */
  start: number;
  projectCode: string;
  projectName: string;
  buyer: Buyer;
  agency: Enterprise | null;
  unit: AmountUnit;
  /** The business contact the notices give: the agency's clerk, or the buyer's when it runs the process itself. */
  contact: { name: string; phone: string };
  /** One lot for an undivided project; several when the plan divides it. */
  lots: readonly LotFacts[];
}

/** One lot (标段/包) of a project: a contracting process of its own. */
export interface LotFacts {
  index: number;
  /** 标段(包)编号: the project code and a three-digit number, as platforms number them. */
  code: string;
  /** 标段(包)名称: the project's name for an undivided project, else 第二标段 / 第2包. */
  name: string;
  /** Whether the project is divided, so that titles name the lot. */
  divided: boolean;
  /** Budget, 招标控制价 or 起始价, in the project's unit. */
  budget: number;
  /** Bids in rank order: the first wins. */
  bids: ReadonlyArray<{ bidder: Enterprise; amount: number }>;
  contractNo: string;
  contractDays: number;
}

const STREAM = '/trading/notices';

interface TradeProfile {
  codePrefix: string;
  unit: AmountUnit;
  /** Budget range as [least, decades above it]: amounts spread log-uniformly, as real ones do. */
  budget: [number, number];
  bidders: [number, number];
  sale: boolean;
  /** What a lot is called: 标段 in works, 包 in purchases. */
  lotWord: '标段' | '包';
}

const PROFILES: Readonly<Record<Plan['tradeType'], TradeProfile>> = {
  工程建设: { codePrefix: 'DQJS', unit: '万元', budget: [200, 2], bidders: [3, 7], sale: false, lotWord: '标段' },
  政府采购: { codePrefix: 'DQCG', unit: '元', budget: [50000, 2.5], bidders: [3, 6], sale: false, lotWord: '包' },
  土地使用权: { codePrefix: 'DQTD', unit: '万元', budget: [3000, 1.3], bidders: [1, 3], sale: true, lotWord: '包' },
  产权交易: { codePrefix: 'DQCQ', unit: '元', budget: [20000, 1.5], bidders: [1, 4], sale: true, lotWord: '包' },
};

/** Some notices give the office's landline in the city's area code; the rest a clerk's mobile. */
const OFFICE_LINE_SHARE = 0.6;

/**
 * Notices of a process sit close together in the feed, so the facts of recent processes are kept
 * rather than recomputed for each of their notices. They are a function of (seed, process) alone
 * and never changed after, so keeping them changes nothing but the time a page takes.
 */
const recent = new Map<string, ProcessFacts>();
const RECENT_LIMIT = 2048;

export function processFacts(process: number, seed: number): ProcessFacts {
  const key = `${seed}/${process}`;
  let facts = recent.get(key);
  if (!facts) {
    facts = computeFacts(process, seed);
    recent.set(key, facts);
    if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  }
  return facts;
}

function computeFacts(process: number, seed: number): ProcessFacts {
  const plan = planOf(process);
  const profile = PROFILES[plan.tradeType];
  const r = random(seed, STREAM, 'process', process);
  const start = stepMinute(process, 0, 0);
  const year = Number(localDate(start).slice(0, 4));
  const code = `${profile.codePrefix}-${year}-${String(process + 1).padStart(4, '0')}`;
  const { buyer, item } = buyerAndItem(plan, r);
  // 85% of purchases go through a tendering agency; the others the buyer runs itself (自行招标).
  const agency = !profile.sale && r.chance(0.85) ? pickFirm(r, seed, AGENCY_INDUSTRIES, []) : null;
  const projectName = projectNameOf(plan, buyer, item, year, process);
  const count = lotCountOf(plan);
  const lots = Array.from({ length: count }, (_, lot) => lotFacts(plan, profile, { code, projectName, item, lot, count }, r, seed, agency));
  return { process, plan, start, projectCode: code, projectName, buyer, agency, unit: profile.unit, contact: contactOf(r, seed), lots };
}

interface LotPlace {
  code: string;
  projectName: string;
  item: string;
  lot: number;
  count: number;
}

function lotFacts(plan: Plan, profile: TradeProfile, place: LotPlace, r: Random, seed: number, agency: Enterprise | null): LotFacts {
  const lotCode = `${place.code}-${String(place.lot + 1).padStart(3, '0')}`;
  const budget = roundAmount(profile.budget[0] * 10 ** (r.next() * profile.budget[1]), profile.unit);
  return {
    index: place.lot,
    code: lotCode,
    name: place.count > 1 ? lotLabel(profile, place.lot) : place.projectName,
    divided: place.count > 1,
    budget,
    bids: bidsFor(plan, profile, bidderIndustries(plan, place.item), budget, r, seed, agency),
    contractNo: `${lotCode}-HT01`,
    contractDays: contractDaysOf(plan, place.lot, r),
  };
}

const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 第二标段 in works, 第2包 in purchases, as platforms name lots. */
function lotLabel(profile: TradeProfile, lot: number): string {
  return profile.lotWord === '标段' ? `第${CHINESE_ORDINALS[lot]}标段` : `第${lot + 1}包`;
}

/** The business contact a notice gives: a named clerk, on the office's line or a mobile. */
export function contactOf(r: Random, seed: number): ProcessFacts['contact'] {
  const clerk = person(r, seed);
  return { name: clerk.name, phone: r.chance(OFFICE_LINE_SHARE) ? officePhone(r) : clerk.phone };
}

function buyerAndItem(plan: Plan, r: Random): { buyer: Buyer; item: string } {
  const listOf = (b: Buyer): readonly string[] =>
    plan.tradeType === '工程建设' ? b.works
    : plan.tradeType === '土地使用权' ? b.land
    : plan.tradeType === '产权交易' ? b.assets
    : plan.category === '服务' ? b.services
    : b.goods;
  const buyer = r.pick(BUYERS.filter((b) => listOf(b).length > 0));
  return { buyer, item: r.pick(listOf(buyer)) };
}

function projectNameOf(plan: Plan, buyer: Buyer, item: string, year: number, process: number): string {
  switch (plan.tradeType) {
    case '工程建设':
      return `${buyer.name}${year}年${item}工程`;
    case '政府采购':
      return `${buyer.name}${year}年${item}采购项目`;
    case '土地使用权':
      return `${item}（庆自然资告字〔${year}〕${process + 1}号）国有建设用地使用权`;
    default:
      return `${buyer.name}${item}处置项目`;
  }
}

/**
 * Bids: below the budget for a purchase, above the starting price for a sale. Price decides
 * where the method says so (询价, 竞价, sales); elsewhere the evaluation score does, which the
 * feed does not show, so the rank order is as drawn.
 */
function bidsFor(
  plan: Plan,
  profile: TradeProfile,
  industries: readonly string[],
  budget: number,
  r: Random,
  seed: number,
  agency: Enterprise | null,
): LotFacts['bids'] {
  const count = r.int(profile.bidders[0], profile.bidders[1]);
  const taken = agency ? [agency.index] : [];
  const bids = Array.from({ length: count }, () => {
    const bidder = pickFirm(r, seed, industries, taken);
    taken.push(bidder.index);
    const factor = profile.sale ? 1 + 0.5 * r.next() : 0.82 + 0.16 * r.next();
    return { bidder, amount: roundAmount(budget * factor, profile.unit) };
  });
  if (profile.sale) return bids.sort((a, b) => b.amount - a.amount);
  if (/询价|竞价/.test(plan.method)) return bids.sort((a, b) => a.amount - b.amount);
  return bids;
}

/** A contract that is accepted later runs until shortly before its acceptance. */
function contractDaysOf(plan: Plan, lot: number, r: Random): number {
  const steps = stepsOf(plan, lot);
  const contract = steps.find((s) => s.type === 'contract');
  const implementation = steps.find((s) => s.type === 'implementation');
  if (contract && implementation) return implementation.day - contract.day - 5;
  return plan.tradeType === '工程建设' ? r.int(120, 540) : r.int(30, 365);
}

/** 万元 to the hundred 元 (two decimals), 元 to the whole 元. */
function roundAmount(value: number, unit: AmountUnit): number {
  return unit === '万元' ? Math.round(value * 100) / 100 : Math.round(value);
}

/** The bid deadline (09:30) of a lot after the extensions of its amendments up to a step; a project's lots are tendered together. */
export function bidDeadlineAt(facts: ProcessFacts, lot: number, step: number): number {
  const extensions = stepsOf(facts.plan, lot).slice(0, step + 1).filter((s) => s.extendsDeadline).length;
  return startOfDay(facts.start) + (facts.plan.deadlineDays + extensions * EXTENSION_DAYS) * MINUTES_PER_DAY + 9 * 60 + 30;
}
