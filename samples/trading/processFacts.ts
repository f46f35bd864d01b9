import { CORE_SIZE, enterprise, person, pickEnterprise, type Enterprise } from '../kit/population';
import { random, type Random } from '../kit/random';
import type { AmountUnit } from '../../src/connectorKit';
import { BUYERS, type Buyer } from './buyers';
import { EXTENSION_DAYS, type Plan } from './plans';
import { MINUTES_PER_DAY } from '../kit/timeline';
import { localDate, startOfDay } from './platformClock';
import { planOf, stepMinute } from './schedule';

/**
 * What every notice of one process agrees on: who buys and who runs it, what it is, the money,
 * who bids and who wins. Computed from (seed, process) alone, so each notice of the process can be
 * generated on its own and still tell the same story.
 */
export interface ProcessFacts {
  process: number;
  plan: Plan;
  /** When its first notice is published (minutes, platformClock.ts). */
  start: number;
  projectCode: string;
  projectName: string;
  buyer: Buyer;
  agency: Enterprise | null;
  unit: AmountUnit;
  /** Budget, 招标控制价 or 起始价, in `unit`. */
  budget: number;
  /** Bids in rank order: the first wins. */
  bids: ReadonlyArray<{ bidder: Enterprise; amount: number }>;
  contractNo: string;
  contractDays: number;
  contact: { name: string; phone: string };
}

const STREAM = '/trading/notices';

interface TradeProfile {
  codePrefix: string;
  unit: AmountUnit;
  /** Budget range as [least, decades above it]: amounts spread log-uniformly, as real ones do. */
  budget: [number, number];
  bidders: [number, number];
  /** Industries of the population that bid for it; any company when none fits. */
  industries: readonly string[];
  sale: boolean;
}

const PROFILES: Readonly<Record<Plan['tradeType'], TradeProfile>> = {
  工程建设: { codePrefix: 'SJZJS', unit: '万元', budget: [200, 2], bidders: [3, 7], industries: ['建筑工程', '市政工程', '园林绿化', '交通建设', '建材'], sale: false },
  政府采购: { codePrefix: 'SJZCG', unit: '元', budget: [50000, 2.5], bidders: [3, 6], industries: ['医药', '电子科技', '机械制造', '信息技术', '商贸', '物流', '环保科技', '餐饮管理'], sale: false },
  土地使用权: { codePrefix: 'SJZTD', unit: '万元', budget: [3000, 1.3], bidders: [1, 3], industries: ['房地产开发'], sale: true },
  产权交易: { codePrefix: 'SJZCQ', unit: '元', budget: [20000, 1.5], bidders: [1, 4], industries: [], sale: true },
};

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
  const start = stepMinute(process, 0);
  const year = Number(localDate(start).slice(0, 4));
  const code = `${profile.codePrefix}-${year}-${String(process + 1).padStart(4, '0')}`;
  const { buyer, item } = buyerAndItem(plan, r);
  const agency = !profile.sale && r.chance(0.85) ? pickCompany(r, seed, [], []) : null;
  const budget = roundAmount(profile.budget[0] * 10 ** (r.next() * profile.budget[1]), profile.unit);
  const bids = bidsFor(plan, profile, budget, r, seed, agency);
  const contact = person(r, seed);
  return {
    process,
    plan,
    start,
    projectCode: code,
    projectName: projectNameOf(plan, buyer, item, year, process),
    buyer,
    agency,
    unit: profile.unit,
    budget,
    bids,
    contractNo: `${code}-HT01`,
    contractDays: contractDaysOf(plan, r),
    // Some notices give the office line (0311 is 石家庄's area code), most a mobile number.
    contact: { name: contact.name, phone: r.chance(0.3) ? `0311-8${String(r.int(0, 9999999)).padStart(7, '0')}` : contact.phone },
  };
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
      return `${item}（石自然资储〔${year}〕${process + 1}号）国有建设用地使用权`;
    default:
      return `${buyer.name}${item}处置项目`;
  }
}

/**
 * Bids: below the budget for a purchase, above the starting price for a sale. Price decides
 * where the method says so (询价, 竞价, sales); elsewhere the evaluation score does, which the
 * feed does not show, so the rank order is as drawn.
 */
function bidsFor(plan: Plan, profile: TradeProfile, budget: number, r: Random, seed: number, agency: Enterprise | null): ProcessFacts['bids'] {
  const count = r.int(profile.bidders[0], profile.bidders[1]);
  const taken = agency ? [agency.index] : [];
  const bids = Array.from({ length: count }, () => {
    const bidder = pickCompany(r, seed, profile.industries, taken);
    taken.push(bidder.index);
    const factor = profile.sale ? 1 + 0.5 * r.next() : 0.82 + 0.16 * r.next();
    return { bidder, amount: roundAmount(budget * factor, profile.unit) };
  });
  if (profile.sale) return bids.sort((a, b) => b.amount - a.amount);
  if (/询价|竞价/.test(plan.method)) return bids.sort((a, b) => a.amount - b.amount);
  return bids;
}

/**
 * A company of the shared population, preferring the industries that bid for the trade, never
 * one already in the process: pickEnterprise keeps the big local firms frequent, as on real
 * platforms. Individual businesses (个体工商户) and cooperatives do not bid for public contracts here.
 */
function pickCompany(r: Random, seed: number, industries: readonly string[], taken: readonly number[]): Enterprise {
  let fallback: Enterprise | undefined;
  for (let attempt = 0; attempt < 25; attempt++) {
    const candidate = pickEnterprise(r, seed);
    if (candidate.category !== '企业' || taken.includes(candidate.index)) continue;
    if (industries.length === 0 || industries.includes(candidate.industry)) return candidate;
    fallback ??= candidate;
  }
  if (fallback) return fallback;
  // The core firms are all companies; walk them from a random start to find one not taken.
  const first = r.int(0, CORE_SIZE - 1);
  for (let k = 0; k < CORE_SIZE; k++) {
    const index = (first + k) % CORE_SIZE;
    if (!taken.includes(index)) return enterprise(index, seed);
  }
  return enterprise(first, seed);
}

/** A contract that is accepted later runs until shortly before its acceptance. */
function contractDaysOf(plan: Plan, r: Random): number {
  const contract = plan.steps.find((s) => s.type === 'contract');
  const implementation = plan.steps.find((s) => s.type === 'implementation');
  if (contract && implementation) return implementation.day - contract.day - 5;
  return plan.tradeType === '工程建设' ? r.int(120, 540) : r.int(30, 365);
}

/** 万元 to the hundred 元 (two decimals), 元 to the whole 元. */
function roundAmount(value: number, unit: AmountUnit): number {
  return unit === '万元' ? Math.round(value * 100) / 100 : Math.round(value);
}

/** The bid deadline (09:30) after the extensions of the process's amendments up to a step. */
export function bidDeadlineAt(facts: ProcessFacts, step: number): number {
  const extensions = facts.plan.steps.slice(0, step + 1).filter((s) => s.extendsDeadline).length;
  return startOfDay(facts.start) + (facts.plan.deadlineDays + extensions * EXTENSION_DAYS) * MINUTES_PER_DAY + 9 * 60 + 30;
}
