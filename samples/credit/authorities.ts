import { DEFAULT_CITY, gb11714CheckCharacter, usccCheckCharacter } from '../../src/connectorKit';
import { hash32, type Random } from '../kit/random';
import type { District } from '../kit/population';

/**
 * The deciding authorities of the sample city (大庆市) the credit feeds name: city bureaus, and
 * their district and county counterparts (a bureau of the district or county, or a branch of the
 * city bureau where that is how the city is organised, as for ecology and environment and for
 * natural resources).
 */
export type Department =
  | 'market'
  | 'food'
  | 'environment'
  | 'emergency'
  | 'housing'
  | 'health'
  | 'planning'
  | 'transport'
  | 'water'
  | 'development'
  | 'urbanManagement';

interface DepartmentNames {
  city: string;
  /** Document-number prefix of the city body, e.g. 庆市监 in 庆市监罚〔2025〕123号. */
  prefix: string;
  /** The district or county body's name, when there is one. */
  local?: (district: District) => string;
}

const CITY = DEFAULT_CITY.name;
const CITY_BODIES = DEFAULT_CITY.authorities;

/** 大庆市萨尔图区市场监督管理局, 肇源县市场监督管理局: districts are named under the city, counties on their own. */
const own = (suffix: string) => (d: District) => `${place(d)}${suffix}`;
/** 大庆市生态环境局萨尔图区分局: a branch of the city bureau in the district or county. */
const branch = (cityBody: string) => (d: District) => `${cityBody}${d.name}分局`;

const MARKET: DepartmentNames = { city: CITY_BODIES.marketRegulation, prefix: '庆市监', local: own('市场监督管理局') };

const DEPARTMENTS: Readonly<Record<Department, DepartmentNames>> = {
  market: MARKET,
  // Food safety, and the food licence, are the market regulator's since the 2018 reform.
  food: MARKET,
  environment: { city: CITY_BODIES.ecology, prefix: '庆环', local: branch(CITY_BODIES.ecology) },
  emergency: { city: `${CITY}应急管理局`, prefix: '庆应急', local: own('应急管理局') },
  housing: { city: `${CITY}住房和城乡建设局`, prefix: '庆住建', local: own('住房和城乡建设局') },
  health: { city: `${CITY}卫生健康委员会`, prefix: '庆卫', local: own('卫生健康局') },
  planning: { city: `${CITY}自然资源局`, prefix: '庆自然资', local: branch(`${CITY}自然资源局`) },
  transport: { city: `${CITY}交通运输局`, prefix: '庆交' },
  water: { city: `${CITY}水务局`, prefix: '庆水' },
  development: { city: CITY_BODIES.development, prefix: '庆发改' },
  urbanManagement: { city: `${CITY}城市管理综合行政执法局`, prefix: '庆城执法', local: own('城市管理综合行政执法局') },
};

/**
 * Before the 2018 institutional reform the same work was done by other bodies: business
 * registration and fair trading by 工商局, food and drugs by 食药监局, pollution by 环保局 (大庆市环境保护局
 * until 2019), work safety by 安监局. The 2016-era export names these.
 */
const BEFORE_2018: Readonly<Partial<Record<Department, DepartmentNames>>> = {
  market: { city: `${CITY}工商行政管理局`, prefix: '庆工商', local: branch(`${CITY}工商行政管理局`) },
  food: { city: `${CITY}食品药品监督管理局`, prefix: '庆食药监', local: own('食品药品监督管理局') },
  environment: { city: CITY_BODIES.ecologyBefore2019, prefix: '庆环', local: own('环境保护局') },
  emergency: { city: `${CITY}安全生产监督管理局`, prefix: '庆安监', local: own('安全生产监督管理局') },
  urbanManagement: { city: `${CITY}城市管理局`, prefix: '庆城管', local: own('城市管理局') },
};

/** Which organisation of government a record comes from. */
export type Era = 'current' | 'before-2018';

/**
 * How a district or county body's document numbers begin: the city's 庆 and the district's one
 * character for a district (庆萨市监罚〔2025〕…), a county's own short name for a county
 * (肇源市监罚〔2025〕…). Plausible forms, not a survey of the bodies' own.
 */
const LOCAL_PREFIXES: Readonly<Record<string, string>> = {
  萨尔图区: '庆萨',
  龙凤区: '庆龙',
  让胡路区: '庆让',
  红岗区: '庆红',
  大同区: '庆同',
  肇州县: '肇州',
  肇源县: '肇源',
  林甸县: '林甸',
  杜尔伯特蒙古族自治县: '杜蒙',
};

export interface Authority {
  name: string;
  /** The body's own unified social credit code (registration authority 1, category 1: 机关). */
  uscc: string;
  /** Document-number prefix. */
  prefix: string;
  district?: District;
}

/** City districts are named under the city (大庆市萨尔图区); counties on their own (肇源县). */
function place(district: District): string {
  return district.name.endsWith('区') ? `${CITY}${district.name}` : district.name;
}

/** The city body of a department, or its district body when the department has one there. */
export function authority(department: Department, district?: District, era: Era = 'current'): Authority {
  const names = (era === 'before-2018' ? BEFORE_2018[department] : undefined) ?? DEPARTMENTS[department];
  if (!district || !names.local) return { name: names.city, uscc: bodyCode(names.city, DEFAULT_CITY.code), prefix: names.prefix };
  const name = names.local(district);
  const local = LOCAL_PREFIXES[district.name] ?? `庆${district.name.slice(0, 1)}`;
  // The department's part of the prefix is the city's without the city's 庆: 庆市监 → 庆萨市监.
  return { name, uscc: bodyCode(name, district.code), prefix: `${local}${names.prefix.slice(1)}`, district };
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
