import type { CitySetting } from '../config/city';

/**
 * A record's region is where its deciding authority sits: the district named in the authority's
 * name (石家庄市长安区市场监督管理局, 石家庄市生态环境局长安区分局, 正定县市场监督管理局), else the
 * city (石家庄市市场监督管理局). The districts are a setting, not a pattern: words such as 市场 or
 * 开发区 in a department's name would fool a pattern.
 */
export function regionOfAuthority(authority: string, city: CitySetting): string {
  // Longest first, so a district whose name contains another's is not mistaken for it.
  const districts = city.districts.map((d) => d.name).sort((a, b) => b.length - a.length);
  return districts.find((district) => authority.includes(district)) ?? city.name;
}
