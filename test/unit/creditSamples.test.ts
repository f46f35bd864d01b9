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
import { DISTRICTS } from '../../samples/kit/population';
import { PARTY_CATEGORY_SPELLINGS } from '../../src/domain/creditPartyCategory';
import { regionOfAuthority } from '../../src/domain/creditRegion';
import { validateUscc } from '../../src/domain/uscc';
import { isMalformed, type FeedOptions, type IndexedFeed } from '../../samples/kit/feed';
import type { StreamDefinition } from '../../src/sync/stream';
import { validatorFor } from '../../src/sync/validation';
import { MAPPING } from '../helpers/mapping';
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

describe.each(STREAMS)('sample feed of %s', (_name, stream: StreamDefinition, feed) => {
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
  const departments: Department[] = ['market', 'environment', 'emergency', 'approval', 'planning', 'urbanManagement'];

  it('carry valid codes and place their records in their district or the city', () => {
    for (const department of departments) {
      const city = authority(department);
      expect(validateUscc(city.uscc).valid).toBe(true);
      expect(regionOfAuthority(city.name, DEFAULT_CITY)).toBe('石家庄市');
      for (const district of DISTRICTS) {
        const local = authority(department, district);
        expect(validateUscc(local.uscc).valid).toBe(true);
        expect([local.name, regionOfAuthority(local.name, DEFAULT_CITY)]).toEqual([local.name, district.name]);
      }
    }
  });

  it('write document numbers the way the city does', () => {
    expect(authority('market').prefix).toBe('石市监');
    expect(authority('market', DISTRICTS[0]).name).toBe('石家庄市长安区市场监督管理局');
    expect(authority('market', DISTRICTS[0]).prefix).toBe('石长市监');
    expect(authority('environment', DISTRICTS[0]).name).toBe('石家庄市生态环境局长安区分局');
    expect(authority('market', DISTRICTS.find((d) => d.name === '正定县')).name).toBe('正定县市场监督管理局');
  });
});
