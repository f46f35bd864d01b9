import { DEFAULT_CITY, type Division } from '../../src/connectorKit';

/**
 * The city's departments (部门) as its budget and power-list systems know them: the municipal
 * departments (names after the 2019 institutional reform), then the same kinds of department in
 * each district and county. Each has a code of the samples' choosing: the division's GB/T 2260 code
 * and three digits (230600109 is the city's education bureau). Fiscal and powers feeds share this
 * list, so a department's budget and its power list name it alike.
 */
export interface CityDepartment {
  /** 部门编码: division code + sequence. */
  code: string;
  name: string;
  /** The division the department belongs to (the city itself for municipal departments). */
  division: { name: string; code: string };
  /** What the department is, shared by a city department and its district counterparts. */
  type: DepartmentType;
}

export type DepartmentType =
  | 'office' | 'development' | 'finance' | 'statistics' | 'audit' | 'market' | 'police' | 'justice' | 'education'
  | 'science' | 'culture' | 'humanResources' | 'civilAffairs' | 'veterans' | 'health' | 'medicalSecurity' | 'ecology'
  | 'housing' | 'urbanManagement' | 'agriculture' | 'water' | 'transport' | 'industry' | 'commerce' | 'naturalResources'
  | 'emergency';

/** Municipal departments, by type, with the sequence of their code. */
const MUNICIPAL: ReadonlyArray<[DepartmentType, string, string]> = [
  ['office', '101', '大庆市人民政府办公室'],
  ['development', '102', '大庆市发展和改革委员会'],
  ['finance', '103', '大庆市财政局'],
  ['statistics', '104', '大庆市统计局'],
  ['audit', '105', '大庆市审计局'],
  ['market', '106', '大庆市市场监督管理局'],
  ['police', '107', '大庆市公安局'],
  ['justice', '108', '大庆市司法局'],
  ['education', '109', '大庆市教育局'],
  ['science', '110', '大庆市科学技术局'],
  ['culture', '111', '大庆市文化广电和旅游局'],
  ['humanResources', '113', '大庆市人力资源和社会保障局'],
  ['civilAffairs', '114', '大庆市民政局'],
  ['veterans', '115', '大庆市退役军人事务局'],
  ['health', '116', '大庆市卫生健康委员会'],
  ['medicalSecurity', '117', '大庆市医疗保障局'],
  ['ecology', '118', '大庆市生态环境局'],
  ['housing', '119', '大庆市住房和城乡建设局'],
  ['urbanManagement', '120', '大庆市城市管理综合执法局'],
  ['agriculture', '121', '大庆市农业农村局'],
  ['water', '122', '大庆市水务局'],
  ['transport', '123', '大庆市交通运输局'],
  ['industry', '124', '大庆市工业和信息化局'],
  ['commerce', '125', '大庆市商务局'],
  ['naturalResources', '126', '大庆市自然资源和规划局'],
  ['emergency', '127', '大庆市应急管理局'],
];

/**
 * The departments every district and county government has of these types (suffix after the
 * division's name). Others (生态环境, 自然资源 …) are branches of the city's bureau there, and
 * publish under the city's name.
 */
const LOCAL: ReadonlyArray<[DepartmentType, string, string]> = [
  ['office', '101', '人民政府办公室'],
  ['finance', '103', '财政局'],
  ['market', '106', '市场监督管理局'],
  ['education', '109', '教育局'],
  ['humanResources', '113', '人力资源和社会保障局'],
  ['civilAffairs', '114', '民政局'],
  ['health', '116', '卫生健康局'],
  ['housing', '119', '住房和城乡建设局'],
  ['agriculture', '121', '农业农村局'],
];

const city = { name: DEFAULT_CITY.name, code: DEFAULT_CITY.code };

export const MUNICIPAL_DEPARTMENTS: readonly CityDepartment[] = MUNICIPAL.map(([type, seq, name]) => ({ code: `${city.code}${seq}`, name, division: city, type }));

/** Each division's departments, division by division in the city's order. */
export const LOCAL_DEPARTMENTS: readonly CityDepartment[] = DEFAULT_CITY.districts.flatMap((division: Division) =>
  LOCAL.map(([type, seq, suffix]) => ({ code: `${division.code}${seq}`, name: `${division.name}${suffix}`, division: { name: division.name, code: division.code }, type })),
);

/** Municipal departments first: a small feed is the city's own; a larger one reaches the districts. */
export const CITY_DEPARTMENTS: readonly CityDepartment[] = [...MUNICIPAL_DEPARTMENTS, ...LOCAL_DEPARTMENTS];

/** Whether districts and counties have a department of this type. */
export function hasLocalCounterpart(type: DepartmentType): boolean {
  return LOCAL.some(([t]) => t === type);
}
