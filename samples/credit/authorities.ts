import { gb11714CheckCharacter, usccCheckCharacter } from '../../src/connectorKit';
import { hash32, type Random } from '../kit/random';
import type { District } from '../kit/population';

/**
 * The deciding authorities of 石家庄市 the sample feeds name: city bureaus, and their district
 * counterparts (a district bureau, or a branch of the city bureau where that is how the city is
 * organised, as for ecology and environment and for natural resources and planning).
 */
export type Department =
  | 'market'
  | 'food'
  | 'environment'
  | 'emergency'
  | 'housing'
  | 'approval'
  | 'health'
  | 'planning'
  | 'transport'
  | 'water'
  | 'development'
  | 'urbanManagement';

interface DepartmentNames {
  city: string;
  /** Document-number prefix of the city body, e.g. 石市监 in 石市监罚〔2026〕123号. */
  prefix: string;
  /** The district body's name, when there is one. */
  local?: (district: District) => string;
}

const MARKET: DepartmentNames = { city: '石家庄市市场监督管理局', prefix: '石市监', local: (d) => `${place(d)}市场监督管理局` };

const DEPARTMENTS: Readonly<Record<Department, DepartmentNames>> = {
  market: MARKET,
  // Food safety is the market regulator's since the 2018 reform.
  food: MARKET,
  environment: { city: '石家庄市生态环境局', prefix: '石环', local: (d) => `石家庄市生态环境局${d.name}分局` },
  emergency: { city: '石家庄市应急管理局', prefix: '石应急', local: (d) => `${place(d)}应急管理局` },
  housing: { city: '石家庄市住房和城乡建设局', prefix: '石住建', local: (d) => `${place(d)}住房和城乡建设局` },
  approval: { city: '石家庄市行政审批局', prefix: '石审批', local: (d) => `${place(d)}行政审批局` },
  health: { city: '石家庄市卫生健康委员会', prefix: '石卫', local: (d) => `${place(d)}卫生健康局` },
  planning: { city: '石家庄市自然资源和规划局', prefix: '石自然资规', local: (d) => `石家庄市自然资源和规划局${d.name}分局` },
  transport: { city: '石家庄市交通运输局', prefix: '石交' },
  water: { city: '石家庄市水务局', prefix: '石水' },
  development: { city: '石家庄市发展和改革委员会', prefix: '石发改' },
  urbanManagement: { city: '石家庄市城市管理综合行政执法局', prefix: '石城执法', local: (d) => `${place(d)}城市管理综合行政执法局` },
};

/**
 * Before the 2018 institutional reform the same work was done by other bodies: business
 * registration and fair trading by 工商局, food and drugs by 食药监局, pollution by 环保局, work
 * safety by 安监局. The 2016-era export names these.
 */
const BEFORE_2018: Readonly<Partial<Record<Department, DepartmentNames>>> = {
  market: { city: '石家庄市工商行政管理局', prefix: '石工商', local: (d) => `石家庄市工商行政管理局${d.name}分局` },
  food: { city: '石家庄市食品药品监督管理局', prefix: '石食药监', local: (d) => `${place(d)}食品药品监督管理局` },
  environment: { city: '石家庄市环境保护局', prefix: '石环', local: (d) => `${place(d)}环境保护局` },
  emergency: { city: '石家庄市安全生产监督管理局', prefix: '石安监', local: (d) => `${place(d)}安全生产监督管理局` },
  urbanManagement: { city: '石家庄市城市管理委员会', prefix: '石城管', local: (d) => `${place(d)}城市管理局` },
};

/** Which organisation of government a record comes from. */
export type Era = 'current' | 'before-2018';

/** One-character abbreviations districts use in document numbers (石长市监罚〔2026〕…). */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  长安区: '长',
  桥西区: '桥',
  新华区: '新',
  井陉矿区: '矿',
  裕华区: '裕',
  藁城区: '藁',
  鹿泉区: '鹿',
  栾城区: '栾',
  正定县: '正',
  辛集市: '辛',
};

const CITY_DIVISION = '130100';

export interface Authority {
  name: string;
  /** The body's own unified social credit code (registration authority 1, category 1: 机关). */
  uscc: string;
  /** Document-number prefix. */
  prefix: string;
  district?: District;
}

/** City districts are named under the city (石家庄市长安区); counties and 辛集市 on their own. */
function place(district: District): string {
  return district.name.endsWith('区') ? `石家庄市${district.name}` : district.name;
}

/** The city body of a department, or its district body when the department has one there. */
export function authority(department: Department, district?: District, era: Era = 'current'): Authority {
  const names = (era === 'before-2018' ? BEFORE_2018[department] : undefined) ?? DEPARTMENTS[department];
  if (!district || !names.local) return { name: names.city, uscc: bodyCode(names.city, CITY_DIVISION), prefix: names.prefix };
  const name = names.local(district);
  return { name, uscc: bodyCode(name, district.code), prefix: `石${ABBREVIATIONS[district.name] ?? ''}${names.prefix.slice(1)}`, district };
}

/** The district body a given share of the time, the city body otherwise. */
export function pickAuthority(r: Random, department: Department, district: District, districtShare: number, era: Era = 'current'): Authority {
  return authority(department, r.chance(districtShare) ? district : undefined, era);
}

/**
 * A government body's code: 11 + its division + an organisation code of the MB… form new bodies
 * received after the 2018 reform. It depends on the name only: a body keeps its code whatever the
 * seed, as real ones do.
 */
function bodyCode(name: string, division: string): string {
  const org8 = `MB${String(hash32('authority', name) % 1_000_000).padStart(6, '0')}`;
  const first17 = `11${division}${org8}${gb11714CheckCharacter(org8)}`;
  return first17 + usccCheckCharacter(first17);
}
