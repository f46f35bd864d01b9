/** The administrative area a city's credit records are filed under. */
export interface RegionSetting {
  /** The city, e.g. 石家庄市: the region of city-level authorities. */
  city: string;
  /** Its districts, counties and county-level cities, e.g. 长安区, 正定县, 辛集市. */
  districts: readonly string[];
}

/**
 * A record's region is where its deciding authority sits: the district named in the authority's
 * name (石家庄市长安区市场监督管理局, 石家庄市生态环境局长安区分局, 正定县市场监督管理局), else the
 * city (石家庄市市场监督管理局). The districts are a setting, not a pattern: words such as 市场 or
 * 开发区 in a department's name would fool a pattern.
 */
export function regionOfAuthority(authority: string, setting: RegionSetting): string {
  // Longest first, so a district whose name contains another's is not mistaken for it.
  const districts = [...setting.districts].sort((a, b) => b.length - a.length);
  return districts.find((district) => authority.includes(district)) ?? setting.city;
}
