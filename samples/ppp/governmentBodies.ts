import { CITY, DISTRICTS } from '../kit/population';
import { DEFAULT_CITY, gb11714CheckCharacter, usccCheckCharacter } from '../../src/connectorKit';
import { random } from '../kit/random';
import type { Level } from './projectTypes';

/**
 * The public side of a PPP project in 大庆市: the government bodies that implement projects
 * (实施机构) and the state-owned platform companies that hold the government's equity (政府出资代表),
 * at the city level (市本级) and in its districts and counties. The shared population holds private
 * enterprises only, so these are made here, one per body, from (seed, division, name) alone: the
 * same bureau has the same code in every project.
 */
export interface Region {
  name: string;
  /** GB/T 2260 division code (2306xx). */
  code: string;
  /** City-level (市本级) projects have no district in the library. */
  level: Level;
}

export interface PublicBody {
  name: string;
  uscc: string;
}

export const CITY_REGION: Region = { name: CITY, code: DEFAULT_CITY.code, level: 'city' };
/** The city's districts (区) and counties (县, 自治县). */
export const DISTRICT_REGIONS: readonly Region[] = DISTRICTS.map((d) => ({ name: d.name, code: d.code, level: d.name.endsWith('区') ? 'district' : 'county' }));

/** A department of the region's government by its full name, e.g. 大庆市肇源县住房和城乡建设局. */
export function implementingAgency(region: Region, department: string, seed: number): PublicBody {
  const name = `${fullName(region)}${department}`;
  // 1 机构编制 (registered by the establishment office), 1 机关: every government department.
  return { name, uscc: publicCode('11', region.code, name, seed) };
}

/** The region's investment platform that represents the government in a project company (fictional names). */
export function equityRepresentative(region: Region, seed: number): PublicBody {
  const name = region.level === 'city' ? `${CITY}城市发展投资集团有限公司` : `${fullName(region)}城乡建设投资有限公司`;
  // 9 工商/市场监管, 1 企业: a state-owned company is registered like any other enterprise.
  return { name, uscc: publicCode('91', region.code, name, seed) };
}

/**
 * 大庆市 or 大庆市肇源县: the city's name leads, as the library's agency names often do, since a
 * district's name alone can be another place's (大同 is also a city in 山西).
 */
export function fullName(region: Region): string {
  return region.level === 'city' ? region.name : `${CITY}${region.name}`;
}

/** A valid code: government organisation codes are digits, with their GB 11714 check character. */
function publicCode(prefix: string, division: string, name: string, seed: number): string {
  const r = random(seed, 'ppp-public-body', division, name);
  const org8 = Array.from({ length: 8 }, (_, i) => (i === 0 && prefix === '11' ? '0' : String(r.int(0, 9)))).join('');
  const first17 = `${prefix}${division}${org8}${gb11714CheckCharacter(org8)}`;
  return first17 + usccCheckCharacter(first17);
}
