import type { CitySetting, Division } from '../config/city';

/** A record's place: one of the city's divisions (or its province's prefecture units) with its code. */
export interface Region {
  name: string;
  /** GB/T 2260 code; null for a place outside the city's vocabulary, kept as the feed wrote it. */
  code: string | null;
}

/**
 * One region vocabulary for every domain (docs/standards/city.md): feeds write 大庆市萨尔图区,
 * 萨尔图区, 萨尔图 or 230602 for one place, and one region filter must find it in all of them. Names
 * are looked up, never guessed: an unknown place keeps its text and gets no code.
 */
export interface RegionVocabulary {
  resolve(raw: string | null | undefined): Region | null;
  /** The division of a code (230602 → 萨尔图区), for filters that accept either. */
  byCode(code: string): Region | undefined;
}

const vocabularies = new WeakMap<CitySetting, RegionVocabulary>();

/** Built once per city setting: every record of a sync resolves against it. */
export function regionVocabulary(city: CitySetting): RegionVocabulary {
  let vocabulary = vocabularies.get(city);
  if (!vocabulary) vocabularies.set(city, (vocabulary = buildVocabulary(city)));
  return vocabulary;
}

const SUFFIX = /(?:市|区|县|地区|自治县|旗)$/;
const BLANKS = /[\s\u3000]+/g;

function buildVocabulary(city: CitySetting): RegionVocabulary {
  const cityDivision: Division = { name: city.name, code: city.code };
  const byCode = new Map<string, Region>();
  const byName = new Map<string, Region>();
  const add = (division: Division) => {
    const region = { name: division.name, code: division.code };
    if (!byCode.has(division.code)) byCode.set(division.code, region);
    for (const spelling of spellings(division.name, division.aliases)) if (!byName.has(spelling)) byName.set(spelling, region);
  };
  // The city's own divisions first: where a short name is ambiguous (大同), the city's place wins.
  [cityDivision, ...city.districts, ...city.prefectures, { name: city.province, code: city.provinceCode }].forEach(add);
  for (const zone of city.zones) {
    const division = byCode.get(zone.divisionCode) ?? byCode.get(city.code)!;
    for (const spelling of spellings(zone.name, zone.aliases)) if (!byName.has(spelling)) byName.set(spelling, division);
  }
  const provinces = spellings(city.province, []);
  const cityNames = spellings(city.name, []);
  // Longest spelling first, so 大庆市萨尔图区 is read as the district, not the city.
  const prefixes = [...byName.keys()].sort((a, b) => b.length - a.length);

  const lookUp = (text: string): Region | undefined => {
    if (/^[0-9]{6}$/.test(text)) return byCode.get(text);
    const exact = byName.get(text);
    if (exact) return exact;
    const withinCity = stripPrefix(text, cityNames);
    if (withinCity !== text) return withinCity ? (byName.get(withinCity) ?? leadingPlace(withinCity, prefixes, byName)) : byName.get(city.name);
    return leadingPlace(text, prefixes, byName);
  };

  return {
    resolve(raw) {
      const text = raw?.replace(BLANKS, '');
      if (!text) return null;
      return lookUp(stripPrefix(text, provinces) || text) ?? { name: text, code: null };
    },
    byCode: (code) => byCode.get(code),
  };
}

/** The official name, its aliases, and the name without its 区/县/市 where that leaves two characters. */
function spellings(name: string, aliases: readonly string[] | undefined): string[] {
  const short = name.replace(SUFFIX, '');
  return [name, ...(aliases ?? []), ...(short.length >= 2 && short !== name ? [short] : [])];
}

function stripPrefix(text: string, prefixes: readonly string[]): string {
  const prefix = prefixes.find((p) => text.startsWith(p));
  return prefix ? text.slice(prefix.length) : text;
}

/** A place followed by more (萨尔图区东风新村街道): the place it starts with. */
function leadingPlace(text: string, prefixes: readonly string[], byName: Map<string, Region>): Region | undefined {
  const prefix = prefixes.find((p) => text.startsWith(p));
  return prefix ? byName.get(prefix) : undefined;
}
