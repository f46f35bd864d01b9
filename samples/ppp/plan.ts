import type { DateTime } from 'luxon';
import { CORE_SIZE, DISTRICTS, enterprise, officePhone, person, pickEnterprise, variantOfCode, type Enterprise } from '../kit/population';
import { random, type Random } from '../kit/random';
import { fenFromWanYuan, NEW_MECHANISM, underNewMechanism } from '../../src/connectorKit';
import { PROJECT_TYPES, type ProjectType } from './projectTypes';
import { CITY_REGION, DISTRICT_REGIONS, equityRepresentative, fullName, implementingAgency, type PublicBody, type Region } from './governmentBodies';
import { chinaTime } from '../kit/timeline';
import { PROJECTS_PATH } from '../../connectors/ppp/projects/path';
import { STAGE } from './stages';
import { projectOverview } from './overview';

/**
 * What is fixed about a sample project from the day it enters the library: where and what it is,
 * its size and terms, who implements it and who will win it. Its stage, contact and times move
 * (lifecycle.ts). Computed from (seed, project) alone.
 */
export interface ProjectPlan {
  index: number;
  /** The platform's id of the project (32 hex digits): what its project page is addressed by. */
  projRid: string;
  projNo: string;
  name: string;
  region: Region;
  type: ProjectType;
  investmentFen: number;
  operateMode: string;
  returnMode: string;
  termYears: number;
  initiatedOn: DateTime;
  /** Stage when first listed: 0 识别 … 4 移交. */
  initialStage: number;
  /** For projects listed at 执行 or 移交. */
  initialContractSignedOn?: DateTime;
  listings: Array<{ batchNumber: string; exampleLevel: string }>;
  purchaseWay: string;
  government: { type: '1'; representative: PublicBody; sharePercent: number } | { type: '2' };
  /** The agency's code as the feed writes it: now and then oddly written or wrong. */
  agency: { name: string; uscc: string | null };
  /** The social capital partner(s) procured, lead first. */
  partners: Array<{ name: string; uscc: string }>;
  /** How the feed writes this record: codes as numbers (a re-serialised dump), dates with slashes. */
  numericCodes: boolean;
  slashedDates: boolean;
  /** 项目概况 (overview.ts): fixed with the project, whatever its stage. */
  overview: string;
}

/** Share of stages when first listed: the library is mostly projects in execution. */
const INITIAL_STAGES = [0, 1, 1, 2, 2, 3, 3, 3, 3, 3, 3, 3]; // 识别 1, 准备 2, 采购 2, 执行 7 in 12
const PURCHASE_WAYS = ['1', '1', '1', '4', '4', '4', '2', '3', '5'];
const EQUITY_SHARES = [5, 10, 10, 15, 20, 20, 30];
/** Share of records whose agency or partner code is oddly written or wrong, and without any agency code. */
const CODE_VARIANT_RATE = 0.04;
const MISSING_AGENCY_CODE_RATE = 0.02;

export function projectPlan(index: number, seed: number): ProjectPlan {
  const r = random(seed, PROJECTS_PATH, index);
  const initialStage = r.chance(0.03) ? STAGE.handover : r.pick(INITIAL_STAGES);
  const initiatedOn = initiationDate(initialStage, r);
  const newMechanism = underNewMechanism(initiatedOn.toISODate()!);
  const type = r.pick(PROJECT_TYPES.filter((t) => fits(t, initialStage, newMechanism)));
  const region = regionFor(type, r);
  const plan: Omit<ProjectPlan, 'overview'> = {
    index,
    projRid: projectId(index, seed),
    projNo: `${region.code}${initiatedOn.year}${String(index + 1).padStart(6, '0')}`,
    name: `${fullName(region)}${type.title(r)}PPP项目`,
    region,
    type,
    investmentFen: investmentFen(type, r),
    // Under the new mechanism only users pay, and the project is a franchise handed back at the end.
    operateMode: r.pick(newMechanism ? type.operateModes.filter((m) => NEW_MECHANISM.operateModes.includes(m)) : type.operateModes),
    returnMode: newMechanism ? r.pick(NEW_MECHANISM.returnModes) : r.pick(type.returnModes),
    // A project in handover has served its term: of the sample's terms only the shortest (10 years) has by now.
    termYears: initialStage === STAGE.handover ? 10 : r.int(type.termYears[0], type.termYears[1]),
    initiatedOn,
    initialStage,
    initialContractSignedOn: contractDate(initialStage, initiatedOn, r),
    listings: r.chance(0.12) ? listings(r) : [],
    purchaseWay: r.pick(PURCHASE_WAYS),
    government: r.chance(0.7)
      ? { type: '1', representative: equityRepresentative(region, seed), sharePercent: r.pick(EQUITY_SHARES) }
      : { type: '2' },
    agency: agency(region, type, r, seed),
    partners: partners(r, seed),
    numericCodes: r.chance(0.05),
    slashedDates: r.chance(0.1),
  };
  return { ...plan, overview: projectOverview(plan, seed).text };
}

/**
 * Whether a kind of project can be one listed at this stage: a project in handover has served a
 * 10-year term; one initiated under the new mechanism must have a franchise mode its users pay for.
 */
function fits(type: ProjectType, stage: number, newMechanism: boolean): boolean {
  if (stage === STAGE.handover && type.termYears[0] > 10) return false;
  if (!newMechanism) return true;
  return (
    type.returnModes.some((m) => NEW_MECHANISM.returnModes.includes(m)) && type.operateModes.some((m) => NEW_MECHANISM.operateModes.includes(m))
  );
}

/** The city level a fifth of the time where the kind allows it, else one of its districts or counties. */
function regionFor(type: ProjectType, r: Random): Region {
  const local = DISTRICT_REGIONS.filter((d) => type.levels.includes(d.level));
  if (type.levels.includes('city') && (local.length === 0 || r.chance(0.2))) return CITY_REGION;
  return r.pick(local);
}

/** The platform's project id: 32 hex digits, fixed for the project whatever its stage. */
function projectId(index: number, seed: number): string {
  const r = random(seed, 'ppp-project-id', index);
  return Array.from({ length: 32 }, () => r.int(0, 15).toString(16)).join('');
}

/** The district a region's people live in: a random one for city-level projects. */
export function districtOf(region: Region, r: Random) {
  return DISTRICTS.find((d) => d.code === region.code) ?? r.pick(DISTRICTS);
}

/**
 * The agency's contact person for the project and the number it publishes: mostly the office line
 * (0459), sometimes the person's mobile, now and then both in one field.
 */
export function contactFor(region: Region, r: Random, seed: number): { name: string; phone: string } {
  const someone = person(r, seed, districtOf(region, r));
  const office = officePhone(r);
  const mobile = r.chance(0.15) ? `${someone.phone.slice(0, 3)}-${someone.phone.slice(3, 7)}-${someone.phone.slice(7)}` : someone.phone;
  const roll = r.next();
  return { name: someone.name, phone: roll < 0.55 ? office : roll < 0.9 ? mobile : `${office}，${mobile}` };
}

/** Projects still in identification were initiated lately; those in execution years ago. */
function initiationDate(stage: number, r: Random): DateTime {
  const [year, month, days] = [
    [2024, 3, 650],
    [2022, 6, 1200],
    [2021, 1, 1600],
    [2014, 6, 2700],
    [2014, 3, 270],
  ][stage];
  return chinaTime(year, month, 1).plus({ days: r.int(0, days) }).startOf('day');
}

/** Projects listed at 执行 or 移交 signed their contract a few months to a few years after initiation. */
function contractDate(stage: number, initiatedOn: DateTime, r: Random): DateTime | undefined {
  if (stage < STAGE.execution) return undefined;
  return initiatedOn.plus({ days: stage === STAGE.handover ? r.int(150, 300) : r.int(240, 900) });
}

/** Log-uniform over the type's range, to 0.01 万元 as the library's forms take it. */
function investmentFen(type: ProjectType, r: Random): number {
  const [low, high] = type.investmentYuan.map(Math.log);
  const yuan = Math.exp(low + (high - low) * r.next());
  return fenFromWanYuan(Math.round(yuan / 100) / 100);
}

/** National lists had four batches; provinces and the city keep their own counts. */
function listings(r: Random): ProjectPlan['listings'] {
  const count = r.chance(0.2) ? 2 : 1;
  return Array.from({ length: count }, () => {
    const level = r.pick(['0', '1', '1', '2']);
    const batches = level === '0' ? 4 : level === '1' ? 6 : 3;
    return { exampleLevel: level, batchNumber: r.chance(0.05) ? '-1' : String(r.int(1, batches)) };
  });
}

function agency(region: Region, type: ProjectType, r: Random, seed: number): ProjectPlan['agency'] {
  const body = implementingAgency(region, type.department, seed);
  if (r.chance(MISSING_AGENCY_CODE_RATE)) return { name: body.name, uscc: null };
  return { name: body.name, uscc: r.chance(CODE_VARIANT_RATE) ? variantOfCode(body.uscc, r).code : body.uscc };
}

/** One to three companies (a consortium), from the shared population, where the big local firms are common. */
function partners(r: Random, seed: number): ProjectPlan['partners'] {
  const count = r.chance(0.65) ? 1 : r.chance(0.7) ? 2 : 3;
  const chosen = new Map<number, Enterprise>();
  for (let i = 0; i < count; i++) {
    const company = pickCompany(r, seed);
    chosen.set(company.index, company);
  }
  return [...chosen.values()].map((c) => ({
    name: c.name,
    uscc: r.chance(CODE_VARIANT_RATE) ? variantOfCode(c.uscc, r).code : c.uscc,
  }));
}

/** Trades that bid for PPP projects: builders, utilities, environmental and engineering firms. */
const PPP_TRADES = ['建筑工程', '环保科技', '热力', '水务', '市政工程', '园林绿化', '交通建设', '建材', '信息技术', '房地产开发', '医药'];

/**
 * Social capital is a company in a trade that builds or runs infrastructure: individual businesses,
 * cooperatives and, say, restaurants do not bid for PPP projects.
 */
function pickCompany(r: Random, seed: number): Enterprise {
  for (let attempt = 0; attempt < 12; attempt++) {
    const candidate = pickEnterprise(r, seed);
    if (candidate.category === '企业' && PPP_TRADES.includes(candidate.industry)) return candidate;
  }
  return enterprise(r.int(0, CORE_SIZE - 1), seed);
}
