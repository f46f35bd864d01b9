import iconv from 'iconv-lite';
import { credit } from '../../connectors/credit';
import { creditFeeds } from '../../samples/credit';
import { abnormalOperationsSample, removalEdition } from '../../samples/credit/abnormalOperations';
import { licencesSample } from '../../samples/credit/licences';
import { authority, type Department } from '../../samples/credit/authorities';
import { PENALTIES_2016_COLUMNS, penalties2016Sample } from '../../samples/credit/penalties2016';
import { penaltiesSample } from '../../samples/credit/penalties';
import { seriousViolationsSample } from '../../samples/credit/seriousViolations';
import { NATURAL_PERSON_CATEGORY } from '../../connectors/credit/schemaFragments/party2019';
import { DISTRICTS, enterprise, POPULATION_SIZE } from '../../samples/kit/population';
import { LICENCE_KINDS } from '../../samples/credit/licenceKinds';
import { VIOLATION_CASES } from '../../samples/credit/penaltyCases';
import { PARTY_CATEGORY_SPELLINGS } from '../../src/domain/creditPartyCategory';
import { regionOfAuthority } from '../../src/domain/creditRegion';
import { validateUscc } from '../../src/domain/uscc';
import { isMalformed, type FeedOptions, type IndexedFeed } from '../../samples/kit/feed';
import type { CodedStreamDefinition } from '../../src/sync/stream';
import { validatorFor } from '../../src/sync/validation';
import { MAPPING } from '../helpers/mapping';
import { citiesElsewhereIn } from '../helpers/placesElsewhere';
import { DEFAULT_CITY } from '../../src/config/city';

const OPTIONS: FeedOptions = { seed: 42, scale: 600, malformedRate: 0.02, edition: 1 };
const STREAMS = credit.streams.map((stream, i) => [stream.name, stream, creditFeeds[i]] as const);
const records = (feed: IndexedFeed, o: FeedOptions = OPTIONS) => Array.from({ length: feed.count(o) }, (_, i) => feed.record(i, o) as any);

describe('credit connector declaration', () => {
  it('declares its five streams, each with a sample feed at its source path', () => {
    expect(credit).toMatchObject({ name: 'credit', domain: 'CREDIT' });
    expect(credit.streams.map((s) => s.name)).toEqual(['licences', 'penalties', 'penalties-2016', 'abnormal-operations', 'serious-violations']);
    expect(creditFeeds.map((f) => f.path)).toEqual([
      '/credit/licences',
      '/credit/penalties',
      '/credit/penalties-2016.csv',
      '/credit/abnormal-operations',
      '/credit/serious-violations',
    ]);
  });

  it('every schema lists exactly the party-category spellings the domain table decodes', () => {
    const spellings = Object.keys(PARTY_CATEGORY_SPELLINGS).sort();
    const natural = spellings.filter((s) => PARTY_CATEGORY_SPELLINGS[s] === 'NATURAL_PERSON').sort();
    for (const [prefix, stream] of [['XK', credit.streams[0]], ['CF', credit.streams[1]]] as const) {
      const schema = stream.schema as any;
      expect([...schema.properties[`${prefix}_XDR_LB`].enum].sort()).toEqual(spellings);
    }
    // Both templates' natural-person rule uses this one list.
    expect([...NATURAL_PERSON_CATEGORY.enum].sort()).toEqual(natural);
  });
});

describe.each(STREAMS)('sample feed of %s', (_name, stream: CodedStreamDefinition<any>, feed) => {
  const validate = validatorFor(stream.schema);

  it('is the same for the same seed and differs for another', () => {
    expect(feed.record(7, OPTIONS)).toEqual(feed.record(7, OPTIONS));
    expect(feed.record(7, { ...OPTIONS, seed: 43 })).not.toEqual(feed.record(7, OPTIONS));
  });

  it('exactly the records isMalformed names fail (schema or mapping), each with reasons naming a field', () => {
    const failed: number[] = [];
    records(feed).forEach((record, index) => {
      const errors = validate(record);
      if (errors.length > 0) {
        for (const error of errors) expect(error.message).toMatch(/^(required field "\w+" is missing|"\w+" is .+: .+|the record is .+: expected .+)$/);
        failed.push(index);
        return;
      }
      try {
        stream.toDisclosure(record, MAPPING);
      } catch {
        failed.push(index);
      }
    });
    const malformed = Array.from({ length: feed.count(OPTIONS) }, (_, i) => i).filter((i) => isMalformed(feed.path, i, OPTIONS));
    expect(malformed.length).toBeGreaterThanOrEqual(10);
    expect(failed).toEqual(malformed);
  });

  it('gives every record a key, and no two valid records the same one', () => {
    const keys = records(feed).filter((r) => validate(r).length === 0).map((r) => stream.key(r));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('carries a share of odd or bad codes that pass the schema and are flagged, not refused', () => {
    const inputs = records(feed)
      .filter((r, i) => !isMalformed(feed.path, i, OPTIONS) && validate(r).length === 0)
      .map((r) => stream.toDisclosure(r, MAPPING));
    const codes = inputs.map((d) => d.subject?.uscc).filter((c): c is string => !!c);
    const invalid = codes.filter((c) => !validateUscc(c).valid);
    const oddButValid = codes.filter((c) => validateUscc(c).valid && validateUscc(c).normalized !== c);
    expect(invalid.length).toBeGreaterThan(3);
    expect(invalid.length).toBeLessThan(codes.length * 0.1);
    expect(oddButValid.length).toBeGreaterThan(3);
  });
});

describe.each([
  ['licences', licencesSample, 'SJC'],
  ['penalties', penaltiesSample, 'SJC'],
])('%s ascend by update time, and since finds the first record at or after it', (_name, feed, field) => {
  const o = { ...OPTIONS, malformedRate: 0 };
  const times = records(feed, o).map((r) => r[field] as string);

  it('update times strictly ascend', () => {
    for (let i = 1; i < times.length; i++) expect(times[i] > times[i - 1]).toBe(true);
  });

  it.each([0, 1, 57, 300, 599])('since the time of record %d', (index) => {
    expect(feed.firstIndexSince!(times[index], o)).toBe(index);
    const justAfter = times[index].replace(/:(\d\d)$/, (_, s) => `:${String(Number(s) + 1).padStart(2, '0')}`);
    if (justAfter !== times[index] && !justAfter.endsWith(':60')) expect(feed.firstIndexSince!(justAfter, o)).toBe(index + 1);
  });

  it('before the first record is 0, after the last is the count, unreadable is 0', () => {
    expect(feed.firstIndexSince!('2020-01-01 00:00:00', o)).toBe(0);
    expect(feed.firstIndexSince!('2099-01-01 00:00:00', o)).toBe(o.scale);
    expect(feed.firstIndexSince!('yesterday', o)).toBe(0);
  });
});

describe('the 2016 export', () => {
  it('is a GBK CSV of strings whose every value survives the encoding', () => {
    expect(penalties2016Sample).toMatchObject({ format: 'csv', encoding: 'gbk', csvColumns: PENALTIES_2016_COLUMNS });
    for (const record of records(penalties2016Sample)) {
      for (const column of PENALTIES_2016_COLUMNS) {
        const value = record[column] ?? '';
        expect(typeof value).toBe('string');
        expect(iconv.decode(iconv.encode(value, 'gbk'), 'gbk')).toBe(value);
      }
    }
  });

  it('names the bodies of before the 2018 reform (工商局, 食药监局, 环保局, 安监局), not their successors', () => {
    const bodies = new Set(records(penalties2016Sample).map((r) => r.CF_XZJG as string));
    expect([...bodies].some((b) => b.includes('食品药品监督管理局'))).toBe(true);
    expect([...bodies].some((b) => b.includes('工商行政管理局'))).toBe(true);
    expect([...bodies].some((b) => /市场监督管理局|应急管理局|生态环境局/.test(b))).toBe(false);
  });
});

describe('listing ids', () => {
  it.each([abnormalOperationsSample, seriousViolationsSample])('of $path are 32 hexadecimal characters and unique', (feed) => {
    const ids = records(feed, { ...OPTIONS, scale: 5000, malformedRate: 0 }).map((r) => r.ID as string);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('abnormal operations in a later edition', () => {
  const first = records(abnormalOperationsSample);
  const second = records(abnormalOperationsSample, { ...OPTIONS, edition: 2 });

  it('keeps every listing (same ids, same count) and only adds removals', () => {
    expect(second.map((r) => r.ID)).toEqual(first.map((r) => r.ID));
    first.forEach((listing, i) => {
      const { REMDATE: _date, REMEXCPRES: _reason, REDECORG: _body, ...listed } = second[i];
      expect(listing.REMDATE ? second[i] : listed).toEqual(listing);
    });
  });

  it('removes the listings whose removal edition is 2: a fifth or so more', () => {
    const wellFormed = (i: number) => !isMalformed(abnormalOperationsSample.path, i, OPTIONS);
    const newlyRemoved = second.filter((r, i) => wellFormed(i) && r.REMDATE && !first[i].REMDATE).length;
    const expected = first.filter((_, i) => wellFormed(i) && removalEdition(i, OPTIONS) === 2).length;
    expect(newlyRemoved).toBe(expected);
    expect(newlyRemoved / first.length).toBeGreaterThan(0.12);
  });

  it('a removal comes after its listing, by the body that listed it', () => {
    for (const r of second.filter((r, i) => r.REMDATE && !isMalformed(abnormalOperationsSample.path, i, OPTIONS))) {
      expect(r.REMDATE > r.ABNTIME).toBe(true);
      expect(r.REDECORG).toBe(r.DECORG);
    }
  });
});

describe('the serious violations list in a later edition', () => {
  const byId = (o: FeedOptions) => new Map(records(seriousViolationsSample, o).map((r) => [JSON.stringify(r.ID), r]));
  const first = byId(OPTIONS);
  const second = byId({ ...OPTIONS, edition: 2 });
  const third = byId({ ...OPTIONS, edition: 3 });

  it('shrinks by a tenth per edition (one slot of every ten), and the rest are unchanged', () => {
    expect(seriousViolationsSample.count(OPTIONS)).toBe(600);
    expect(seriousViolationsSample.count({ ...OPTIONS, edition: 2 })).toBe(540);
    expect(seriousViolationsSample.count({ ...OPTIONS, edition: 3 })).toBe(480);
    for (const [id, entry] of second) expect(first.get(id)).toEqual(entry);
  });

  it('a later edition drops a superset of what the one before dropped', () => {
    for (const id of third.keys()) expect(second.has(id)).toBe(true);
  });

  it('counts right for a scale that is not a multiple of ten', () => {
    for (const scale of [1, 9, 13, 27]) {
      const o = { ...OPTIONS, scale, edition: 2 };
      const ids = records(seriousViolationsSample, o).map((r) => r.ID);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBeLessThanOrEqual(scale);
    }
  });
});

describe('sample authorities', () => {
  const departments: Department[] = ['market', 'environment', 'emergency', 'housing', 'health', 'planning', 'urbanManagement'];

  it('carry valid codes of their own division and place their records in their district or county, or the city', () => {
    for (const department of departments) {
      const city = authority(department);
      expect(validateUscc(city.uscc).valid).toBe(true);
      expect(city.uscc.slice(2, 8)).toBe('230600');
      expect(regionOfAuthority(city.name, DEFAULT_CITY)).toBe('大庆市');
      for (const district of DISTRICTS) {
        const local = authority(department, district);
        expect(validateUscc(local.uscc).valid).toBe(true);
        expect(local.uscc.slice(2, 8)).toBe(district.code);
        expect([local.name, regionOfAuthority(local.name, DEFAULT_CITY)]).toEqual([local.name, district.name]);
      }
    }
  });

  it('are the bodies of 大庆市: the city bureaus, the districts’ and counties’ own, and branches where the city keeps them', () => {
    const district = (name: string) => DISTRICTS.find((d) => d.name === name)!;
    expect(authority('market')).toMatchObject({ name: '大庆市市场监督管理局', prefix: '庆市监' });
    expect(authority('market', district('萨尔图区'))).toMatchObject({ name: '大庆市萨尔图区市场监督管理局', prefix: '庆萨市监' });
    expect(authority('market', district('肇源县'))).toMatchObject({ name: '肇源县市场监督管理局', prefix: '肇源市监' });
    expect(authority('environment').name).toBe('大庆市生态环境局');
    expect(authority('environment', district('让胡路区')).name).toBe('大庆市生态环境局让胡路区分局');
    expect(authority('environment', undefined, 'before-2018').name).toBe('大庆市环境保护局');
    expect(authority('emergency', district('大同区')).name).toBe('大庆市大同区应急管理局');
    expect(authority('transport').name).toBe('大庆市交通运输局');
    expect(authority('housing').name).toBe('大庆市住房和城乡建设局');
  });

  it('write 大庆 document numbers (庆市监罚〔2025〕…) in every credit feed', () => {
    const o = { ...OPTIONS, malformedRate: 0 };
    const numbers = [
      ...records(licencesSample, o).map((r) => r.XK_WSH as string),
      ...records(penaltiesSample, o).map((r) => r.CF_WSH as string),
      ...records(penalties2016Sample, o).map((r) => r.CF_WSH as string),
    ];
    // The city's 庆, or a county's own short name.
    expect(numbers.filter((n) => !/^(庆|肇州|肇源|林甸|杜蒙)/.test(n))).toEqual([]);
    expect(numbers.filter((n) => n.startsWith('庆市监罚〔')).length).toBeGreaterThan(10);
  });
});

describe('the sample city is 大庆市 throughout', () => {
  const o = { ...OPTIONS, malformedRate: 0 };
  const bodies = (record: Record<string, unknown>) =>
    ['XK_XKJG', 'XK_LYDW', 'CF_CFJG', 'CF_SJLY', 'CF_XZJG', 'DECORG', 'REDECORG'].map((f) => record[f]).filter((b): b is string => typeof b === 'string');

  it('every deciding body and data source is a body of 大庆市 or one of its districts and counties', () => {
    const places = [DEFAULT_CITY.name, ...DISTRICTS.map((d) => d.name)];
    const all = new Set(creditFeeds.flatMap((feed) => records(feed, o).flatMap(bodies)));
    expect(all.size).toBeGreaterThan(30);
    for (const body of all) expect([body, places.some((p) => body.startsWith(p))]).toEqual([body, true]);
  });

  it('no record names another province’s city, in its title, bodies, parties or any served attribute', () => {
    const texts = new Set<string>();
    for (const [, stream, feed] of STREAMS) {
      records(feed)
        .filter((_, i) => !isMalformed(feed.path, i, OPTIONS))
        .map((r) => stream.toDisclosure(r, MAPPING))
        .forEach((d) => [d.title, d.publisher, d.subject?.name, ...(d.parties ?? []).map((p) => p.name), JSON.stringify(d.attributes)].forEach((t) => t && texts.add(t)));
    }
    expect(texts.size).toBeGreaterThan(2000);
    expect([...texts].flatMap((text) => citiesElsewhereIn(text).map((city) => `${city} in ${text.slice(0, 80)}`))).toEqual([]);
  });

  it('licence numbers that carry a province carry 黑 and the city’s own marks, never another province’s', () => {
    const numbers = records(licencesSample, o).map((r) => r.XK_XKBH as string);
    const provincial = numbers.filter((n) => /[\u4e00-\u9fff]/.test(n) && !/^(乡字|取水|庆)/.test(n));
    expect(provincial.length).toBeGreaterThan(50);
    for (const n of provincial) expect(n).toMatch(/^[梯起锅容]?(11)?黑/);
    expect(numbers.filter((n) => n.startsWith('取水(黑庆)字')).length).toBeGreaterThan(0);
    expect(numbers.filter((n) => /冀|石/.test(n))).toEqual([]);
    // Numbers that carry a division carry the holder's, in 2306xx.
    const food = numbers.filter((n) => n.startsWith('JY'));
    expect(food.length).toBeGreaterThan(20);
    for (const n of food) expect(n).toMatch(/^JY[12]2306\d\d/);
  });

  it('at least 90% of the codes in the credit feeds, parties’ and authorities’ alike, carry a 2306xx region, and every code of the population does', () => {
    const codeFields = ['XK_XDR_SHXYM', 'XK_XKJGDM', 'XK_LYDWDM', 'CF_XDR_SHXYM', 'CF_CFJGDM', 'CF_SJLYDM', 'UNISCID'];
    const codes = creditFeeds.flatMap((feed) =>
      records(feed).flatMap((r) => codeFields.map((f) => r[f]).filter((c): c is string => typeof c === 'string' && c.trim() !== '')),
    );
    expect(codes.length).toBeGreaterThan(2000);
    const local = codes.filter((c) => validateUscc(c).normalized.slice(2, 6) === '2306');
    expect(local.length / codes.length).toBeGreaterThanOrEqual(0.9);
    const population = Array.from({ length: POPULATION_SIZE }, (_, i) => enterprise(i, OPTIONS.seed).uscc);
    expect(population.filter((c) => !/^9[123]2306(0[2-6]|2[1-4])/.test(c))).toEqual([]);
  });
});

describe('licences and penalties go to holders that fit them', () => {
  const options = (seed: number): FeedOptions => ({ seed, scale: 4000, malformedRate: 0, edition: 1 });

  /** The population's industries by enterprise name (a name carries its industry, or its shop's). */
  function industriesByName(seed: number): Map<string, Set<string>> {
    const map = new Map<string, Set<string>>();
    for (let i = 0; i < POPULATION_SIZE; i++) {
      const e = enterprise(i, seed);
      map.set(e.name, new Set([...(map.get(e.name) ?? []), e.industry]));
    }
    return map;
  }

  function misfits(holders: readonly string[], name: string, byName: Map<string, Set<string>>): string[] {
    const industries = [...(byName.get(name) ?? ['(not in the population)'])];
    return industries.filter((industry) => !holders.includes(industry)).map((industry) => `${name} (${industry})`);
  }

  it.each([42, 7])('every licence under seed %d goes to a holder of its kind: a gas licence to a gas company, a food licence to a food seller', (seed) => {
    const byName = industriesByName(seed);
    const kindOf = new Map(LICENCE_KINDS.map((k) => [`${k.certificate}|${k.documentName}`, k]));
    const wrong: string[] = [];
    const held = new Map<string, number>();
    for (const r of records(licencesSample, options(seed))) {
      const kind = kindOf.get(`${r.XK_XKZS}|${r.XK_XKWS}`)!;
      expect(kind).toBeDefined();
      const person = ['自然人', '2'].includes(r.XK_XDR_LB);
      expect([r.XK_XKZS || r.XK_XKWS, person]).toEqual([r.XK_XKZS || r.XK_XKWS, kind.holders === 'persons']);
      if (kind.holders !== 'persons') wrong.push(...misfits(kind.holders, r.XK_XDR_MC, byName).map((m) => `${kind.certificate || kind.documentName} → ${m}`));
      held.set(kind.certificate || kind.documentName, (held.get(kind.certificate || kind.documentName) ?? 0) + 1);
    }
    expect(wrong).toEqual([]);
    // Every kind is granted, so the check covers them all.
    expect([...held.keys()].sort()).toEqual(LICENCE_KINDS.map((k) => k.certificate || k.documentName).sort());
    expect(kindOf.get('燃气经营许可证|准予行政许可决定书')!.holders).toEqual(['燃气']);
  });

  it('the licence’s content fits its holder too: a caterer is licensed to cook, a shop to sell', () => {
    const byName = industriesByName(42);
    const food = records(licencesSample, options(42)).filter((r) => r.XK_XKZS === '食品经营许可证');
    expect(food.length).toBeGreaterThan(100);
    for (const r of food) {
      const caterer = [...byName.get(r.XK_XDR_MC)!].some((i) => ['餐饮服务', '餐饮管理'].includes(i));
      expect([r.XK_XDR_MC, r.XK_NR, /制售/.test(r.XK_NR)]).toEqual([r.XK_XDR_MC, r.XK_NR, caterer]);
      expect(r.XK_XKBH.startsWith(caterer ? 'JY2' : 'JY1')).toBe(true);
    }
  });

  it.each([
    ['penalties', penaltiesSample, (r: any) => VIOLATION_CASES.find((v) => v.type === r.CF_WFXW)],
    ['penalties-2016', penalties2016Sample, (r: any) => VIOLATION_CASES.find((v) => r.CF_AJMC === `${r.CF_XDR_MC}${v.type}案`)],
  ] as const)('every penalty of %s falls on an enterprise that could commit it: a dust fine on a builder, an expired-food fine on a food seller', (_name, feed, caseOf) => {
    const byName = industriesByName(42);
    const wrong: string[] = [];
    let organisations = 0;
    for (const r of records(feed, options(42))) {
      const violation = caseOf(r);
      expect(violation).toBeDefined();
      if (!byName.has(r.CF_XDR_MC) && violation!.forPersons) continue; // a natural person
      organisations++;
      wrong.push(...misfits(violation!.offenders, r.CF_XDR_MC, byName).map((m) => `${violation!.type} → ${m}`));
    }
    expect(organisations).toBeGreaterThan(3000);
    expect(wrong).toEqual([]);
  });
});
