import { CORE_SIZE, enterprise, industriesIn, INDUSTRIES, POPULATION_SIZE, type Enterprise } from '../kit/population';
import type { Random } from '../kit/random';
import type { Plan } from './plans';

/**
 * Which companies of the shared population take part in a trade. A tendering agent (招标代理机构)
 * is an agency, never a mill or a dairy; a bidder does what the process buys: builders bid for
 * works, a medical supplier for an ultrasound scanner, a property-services firm for cleaning, a
 * developer for land.
 */

/** Agencies that run processes for buyers: 招标代理 and 工程咨询 firms. */
export const AGENCY_INDUSTRIES: readonly string[] = industriesIn('agency');

/** Builders. 建材 is left out: a building-materials maker supplies works, it does not build them. */
const WORKS_INDUSTRIES: readonly string[] = industriesIn('construction').filter((industry) => industry !== '建材');

/**
 * The trade of what a purchase names, by its words: the first rule whose words it contains. Order
 * matters: 医院物业管理服务 is property services, not medicine; 医疗废物处置 is environmental.
 */
const ITEM_TRADES: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/物业|保洁|清扫|清冰雪/, ['物业服务']],
  [/配送/, ['物流']],
  [/医疗废物/, ['环保科技']],
  [/医|诊断|试剂|疫苗|生化|加速器|造影|超声/, ['医药']],
  [/桥梁|工程/, ['工程咨询', '交通建设']],
  [/垃圾|监测|检测|走航|扬尘/, ['环保科技']],
  [/运维|信息|平台|网络|软件|系统|数字资源|计算机/, ['信息技术']],
  [/规划|编制/, ['工程咨询']],
  [/车辆|泵车|机械|无人机/, ['机械制造', '商贸']],
];
const GOODS_DEFAULT: readonly string[] = ['商贸', '机械制造'];
const SERVICES_DEFAULT: readonly string[] = ['信息技术', '商贸'];
/** Anyone but an agency may buy surplus state property. */
const ANY_BUYER: readonly string[] = Object.keys(INDUSTRIES).filter((industry) => !AGENCY_INDUSTRIES.includes(industry));

/** The industries whose companies bid for an item of a plan's trade. */
export function bidderIndustries(plan: Plan, item: string): readonly string[] {
  switch (plan.tradeType) {
    case '工程建设':
      return WORKS_INDUSTRIES;
    case '土地使用权':
      return ['房地产开发'];
    case '产权交易':
      return ANY_BUYER;
    default:
      return ITEM_TRADES.find(([words]) => words.test(item))?.[1] ?? (plan.category === '服务' ? SERVICES_DEFAULT : GOODS_DEFAULT);
  }
}

/**
 * A company of one of the industries, not one already in the process. The big local firms (the
 * population's core) win a third of the draws when one of them fits, as on real platforms.
 */
export function pickFirm(r: Random, seed: number, industries: readonly string[], taken: readonly number[]): Enterprise {
  const fitting = firmsIn(industries, seed).filter((firm) => !taken.includes(firm.index));
  if (fitting.length === 0) {
    throw new Error(`the sample population (seed ${seed}) has no company left in ${industries.join('/')}: raise POPULATION_SIZE or widen the industries`);
  }
  const core = fitting.filter((firm) => firm.index < CORE_SIZE);
  return r.pick(core.length > 0 && r.chance(0.35) ? core : fitting);
}

/** The population's companies (not individual businesses or cooperatives) by industry, per seed. */
const bySeed = new Map<number, Map<string, Enterprise[]>>();
/** The feed server serves one seed at a time; a few are kept for tests that compare seeds. */
const SEEDS_KEPT = 4;

function firmsIn(industries: readonly string[], seed: number): Enterprise[] {
  let byIndustry = bySeed.get(seed);
  if (!byIndustry) {
    byIndustry = new Map();
    for (let index = 0; index < POPULATION_SIZE; index++) {
      const firm = enterprise(index, seed);
      if (firm.category !== '企业') continue;
      byIndustry.set(firm.industry, [...(byIndustry.get(firm.industry) ?? []), firm]);
    }
    bySeed.set(seed, byIndustry);
    if (bySeed.size > SEEDS_KEPT) bySeed.delete(bySeed.keys().next().value!);
  }
  return industries.flatMap((industry) => byIndustry!.get(industry) ?? []);
}
