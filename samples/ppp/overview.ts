import { decodeOperateMode, decodeReturnMode, fenToWanYuan } from '../../src/connectorKit';
import { DISTRICTS, person } from '../kit/population';
import { random, type Random } from '../kit/random';
import { plantAt, type CatchKind, type LookAlikeKind, type Plant } from '../review/schedule';
import { advancedCostsSentence, bidBreakdownSentence, consultancyContractSentence, markedMemoHead, type Planted } from '../review/texts';
import { PROJECTS_PATH } from '../../connectors/ppp/projects/path';
import { fullName } from './governmentBodies';
import type { ProjectPlan } from './plan';

/**
 * 项目概况, the overview the library shows for every project, as implementing agencies write it from
 * the implementation plan: where the project is and what it builds or runs, then its investment,
 * term, operation mode and return mechanism, and often the project's internal rate of return
 * (内部收益率, an ordinary financial term the review must not take for a 内部 mark).
 *
 * About one project in a hundred has a passage for the review to catch (a clerk's bank card, the
 * partner's bid marked as its commercial secret, the head of an internal memo), and one in three
 * hundred a look-alike (a consultancy contract numbered like a mobile number). Planted by project,
 * like the malformed share, since projects move in the feed between editions.
 */
export const OVERVIEW_CATCHES: readonly CatchKind[] = ['bank-card', 'commercial-secret', 'classification-mark'];
export const OVERVIEW_LOOK_ALIKES: readonly LookAlikeKind[] = ['contract-number-like-mobile'];

export interface ProjectOverview {
  text: string;
  plant?: Plant;
  /** The planted span the review must find, or for a look-alike leave alone. */
  value?: string;
}

/** The overview of a project, drawn from its own randomness apart from the plan's. */
export function projectOverview(plan: Omit<ProjectPlan, 'overview'>, seed: number): ProjectOverview {
  const r = random(seed, PROJECTS_PATH, 'overview', plan.index);
  const text = ordinaryOverview(plan, r);
  const plant = plantAt(PROJECTS_PATH, plan.index, { seed }, OVERVIEW_CATCHES, OVERVIEW_LOOK_ALIKES);
  if (!plant) return { text };
  const planted = plantedPassage(plant, plan, random(seed, PROJECTS_PATH, 'review', plan.index), seed);
  const withPlant = plant.kind === 'classification-mark' ? planted.text + text : text + planted.text;
  return { text: withPlant, plant, value: planted.value };
}

function ordinaryOverview(plan: Omit<ProjectPlan, 'overview'>, r: Random): string {
  const where = fullName(plan.region);
  const content = (CONTENT[plan.type.industry[1]] ?? CONTENT.其他)(r, plan);
  const terms =
    `项目总投资${fenToWanYuan(plan.investmentFen)}万元，合作期限${plan.termYears}年，` +
    `运作方式为${decodeOperateMode(plan.operateMode).name}，回报机制为${decodeReturnMode(plan.returnMode).name}`;
  const irr = r.chance(0.4) ? `，项目全投资内部收益率${(5 + r.next() * 2.5).toFixed(2)}%` : '';
  return `本项目位于${where}，由${plan.agency.name}作为实施机构。${content}。${terms}${irr}。`;
}

type Content = (r: Random, plan: Omit<ProjectPlan, 'overview'>) => string;

/** 建设内容 by the library's second-level industry, in the words implementation plans use. */
const CONTENT: Readonly<Record<string, Content>> = {
  供热: (r, plan) =>
    plan.operateMode === '2'
      ? `项目公司受让既有热源厂及供热管网，负责供热区域内${r.int(300, 1500)}万平方米的供热运营和维护`
      : `主要建设内容包括新建及改造供热管网${r.int(10, 90)}公里、换热站${r.int(5, 60)}座，新增供热面积${r.int(50, 500)}万平方米`,
  供水: (r) => `建设规模为日供水${r.int(2, 15)}万立方米，配套建设供水管网${r.int(10, 80)}公里`,
  污水处理: (r, plan) =>
    plan.operateMode === '7'
      ? `受托运营既有污水处理厂，设计处理规模${r.int(2, 10)}万立方米/日，出水执行GB 18918-2002一级A标准`
      : `设计处理规模${r.int(1, 10)}万立方米/日，配套污水管网${r.int(5, 60)}公里，出水执行GB 18918-2002一级A标准`,
  市政道路: (r) => `道路全长${(1 + r.next() * 9).toFixed(2)}公里，红线宽度${r.pick([30, 40, 50, 60])}米，同步建设给排水、照明及绿化工程`,
  其他: (r) => `主要建设内容包括矿区市政道路${r.int(5, 40)}公里及配套给排水、供热管网改造`,
  现代农业: (r) => `建设高标准农田${r.int(5, 50)}万亩，配套建设田间道路、灌溉及排水设施`,
  农村供水: (r) => `新建及改造农村集中供水工程${r.int(20, 120)}处，受益人口${r.int(3, 30)}万人`,
  养老业: (r) => `总建筑面积${r.int(8000, 40000)}平方米，设置养老床位${r.int(200, 1200)}张`,
  医院: (r) => `总建筑面积${r.int(20000, 120000)}平方米，设置床位${r.int(300, 1200)}张`,
  义务教育: (r) => `新建教学楼、综合楼及风雨操场，总建筑面积${r.int(12000, 40000)}平方米，办学规模${r.int(24, 60)}个班`,
  学前教育: (r) => `总建筑面积${r.int(3000, 8000)}平方米，办学规模${r.int(9, 18)}个班`,
  垃圾处理: (r) => `设计日处理生活垃圾${r.pick([600, 800, 1000, 1200])}吨，配套建设${r.pick([15, 20, 25, 30])}兆瓦汽轮发电机组`,
  综合治理: (r) => `治理河道${r.int(10, 80)}公里，修复湿地${r.int(5, 60)}平方公里，同步建设生态护岸及监测设施`,
  停车场: (r) => `新建智慧停车泊位${r.int(2000, 12000)}个，配套建设停车诱导及收费管理系统`,
  综合管廊: (r) => `建设地下综合管廊${(3 + r.next() * 20).toFixed(1)}公里，纳入给水、热力、电力及通信管线`,
  体育场馆: (r) => `总建筑面积${r.int(15000, 50000)}平方米，包括游泳馆、综合训练馆及室外运动场地`,
  棚户区改造: (r) => `建设安置住房${r.int(800, 5000)}套，总建筑面积${(8 + r.next() * 40).toFixed(1)}万平方米`,
  公共交通: (r) => `购置新能源公交车${r.int(100, 600)}辆，建设充电站${r.int(5, 30)}座`,
};

function plantedPassage(plant: Plant, plan: Omit<ProjectPlan, 'overview'>, r: Random, seed: number): Planted {
  switch (plant.kind) {
    case 'bank-card':
      // The clerk lives where the agency works; a city-level agency's anywhere in the city.
      return advancedCostsSentence(person(r, seed, DISTRICTS.find((d) => d.code === plan.region.code) ?? r.pick(DISTRICTS)), r);
    case 'commercial-secret':
      return bidBreakdownSentence(r);
    case 'classification-mark':
      return markedMemoHead(r);
    case 'contract-number-like-mobile': {
      const signed = plan.initiatedOn.plus({ days: r.int(20, 120) });
      return consultancyContractSentence({ compact: signed.toFormat('yyyyMMdd'), written: signed.toFormat('yyyy年M月d日') }, r);
    }
    default:
      throw new Error(`a PPP project cannot carry the review case ${plant.kind}`);
  }
}
