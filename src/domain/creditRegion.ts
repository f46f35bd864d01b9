import type { CitySetting } from '../config/city';

/**
 * A record's region is where its deciding authority sits: the district or county named in the
 * authority's name, by its official name or any of its other spellings (大庆市萨尔图区市场监督管理局,
 * 大庆市生态环境局让胡路区分局, 肇源县市场监督管理局, 杜蒙县市场监督管理局), else the city
 * (大庆市市场监督管理局). The districts and their spellings are a setting
 * (CitySetting.districts[].aliases), not a pattern: words such as 市场 or 开发区 in a department's
 * name would fool a pattern. Names short of their 区/县 are not looked for: inside a longer name
 * they are too often something else (a 市中区's 市中 in 市中医院).
 */
export function regionOfAuthority(authority: string, city: CitySetting): string {
  return spellingsOf(city).find(({ spelling }) => authority.includes(spelling))?.division ?? city.name;
}

const cache = new WeakMap<CitySetting, ReadonlyArray<{ spelling: string; division: string }>>();

/**
 * Every spelling of every district with the official name it stands for, longest first, so a
 * district whose name contains another's (or an alias that is part of the full name: 杜尔伯特 in
 * 杜尔伯特蒙古族自治县) is not mistaken for it.
 */
function spellingsOf(city: CitySetting): ReadonlyArray<{ spelling: string; division: string }> {
  let spellings = cache.get(city);
  if (!spellings) {
    spellings = city.districts
      .flatMap((d) => [d.name, ...(d.aliases ?? [])].map((spelling) => ({ spelling, division: d.name })))
      .sort((a, b) => b.spelling.length - a.spelling.length);
    cache.set(city, spellings);
  }
  return spellings;
}
