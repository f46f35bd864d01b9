import type { CitySetting } from '../../../src/connectorKit';

/**
 * The 2018–2019 institutional reform renamed every 环境保护局 a 生态环境局. Records of the hub's own
 * city carry the name its authority had when they were published (city.authorities: 大庆市生态环境局,
 * 大庆市环境保护局 before 2019); records of the province's other units the same names of theirs.
 */
const RENAMED_FROM = Date.UTC(2018, 11, 31, 16); // 2019-01-01 00:00 China time

/** The city's ecology and environment authority as named at `at`. */
export function ecologyAuthority(city: CitySetting, at: Date): string {
  return at.getTime() < RENAMED_FROM ? city.authorities.ecologyBefore2019 : city.authorities.ecology;
}

/**
 * Who publishes a prefecture unit's air-quality data and forecasts: for the hub's own city its
 * authority (ecologyAuthority), for another unit of the province that unit's bureau, e.g.
 * 哈尔滨市生态环境局.
 */
export function unitEcologyAuthority(city: CitySetting, unit: string, at: Date): string {
  if (isHubCity(city, unit)) return ecologyAuthority(city, at);
  return `${unit}${at.getTime() < RENAMED_FROM ? '环境保护局' : '生态环境局'}`;
}

/** 大庆市 or 大庆: a unit named as the hub's city. */
function isHubCity(city: CitySetting, unit: string): boolean {
  const bare = (name: string) => name.trim().replace(/市$/, '');
  return bare(unit) === bare(city.name);
}
