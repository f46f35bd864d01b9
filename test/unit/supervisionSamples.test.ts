import iconv from 'iconv-lite';
import { HUB_COMPONENTS } from '../../app/components';
import { supervisionFeeds } from '../../samples/supervision';
import { CATALOGUE } from '../../samples/supervision/catalogue';
import { inspectionResultsSample, resultCount } from '../../samples/supervision/results';
import { ITEM_LIST } from '../../samples/supervision/items';
import { inspectionSubjectsSample, poolSize, SUBJECT_COLUMNS, SUBJECT_LIST } from '../../samples/supervision/subjects';
import { CORE_SIZE, enterprise } from '../../samples/kit/population';
import { isMalformed, type FeedOptions, type IndexedFeed } from '../../samples/kit/feed';
import { DEFAULT_CITY } from '../../src/config/city';
import { withManifests } from '../../src/manifest/withManifests';
import { attributeShapeProblem } from '../../src/sync/attributeShapes';
import type { StreamDefinition } from '../../src/sync/stream';
import { validatorFor } from '../../src/sync/validation';
import { MAPPING } from '../helpers/mapping';

/**
 * The 双随机一公开 sample feeds against the supervision manifest that reads them: deterministic by
 * seed, exactly the malformed share refused by the manifest's record schemas, every valid record
 * mapped to attributes the SUPERVISION contract accepts, results that name listed items and pooled
 * enterprises, and editions that shrink the lists and lengthen the results.
 */

const OPTIONS: FeedOptions = { seed: 42, scale: 600, malformedRate: 0.02, edition: 1 };
const supervision = withManifests(HUB_COMPONENTS).connectors.find((c) => c.name === 'supervision')!;
const STREAMS = supervision.streams.map((stream, i) => [stream.name, stream, supervisionFeeds[i]] as const);
const records = (feed: IndexedFeed, o: FeedOptions = OPTIONS) => Array.from({ length: feed.count(o) }, (_, i) => feed.record(i, o) as Record<string, string>);

/** Why the stream would refuse a record before storing it: its schema, or a key it cannot compute. */
function refusal(stream: StreamDefinition, record: unknown): string | undefined {
  const errors = validatorFor(stream.schema as object)(record);
  if (errors.length) return errors.map((e) => e.message).join('; ');
  try {
    stream.key(record);
  } catch (error) {
    return (error as Error).message;
  }
  return undefined;
}

describe('supervision sample feeds', () => {
  it('serve each stream of the manifest at its path', () => {
    expect(STREAMS.map(([name, , feed]) => [name, feed.path])).toEqual([
      ['inspection-items', '/supervision/inspection-items'],
      ['inspection-subjects', '/supervision/inspection-subjects'],
      ['inspection-results', '/supervision/inspection-results'],
    ]);
  });

  it.each(STREAMS)('%s: the same for a seed, different for another', (_name, _stream, feed) => {
    expect(records(feed)).toEqual(records(feed));
    if (feed !== supervisionFeeds[0]) expect(records(feed, { ...OPTIONS, seed: 7 })).not.toEqual(records(feed));
  });

  it.each(STREAMS)('%s: exactly the malformed records are refused, at both editions; keys are unique', (_name, stream, feed) => {
    for (const o of [OPTIONS, { ...OPTIONS, edition: 2 }]) {
      const all = records(feed, o);
      const refused = all.map((record) => refusal(stream, record));
      const malformed = all.map((_, i) => isMalformed(feed.path, malformedIndex(feed, i, o), o));
      expect(refused.map(Boolean)).toEqual(malformed);
      const keys = all.filter((_, i) => !refused[i]).map((record) => stream.key(record));
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it.each(STREAMS)('%s: every valid record maps to attributes the SUPERVISION contract accepts', async (_name, stream, feed) => {
    for (const record of records(feed).filter((r) => !refusal(stream, r))) {
      const disclosure = await stream.toDisclosure(record, MAPPING);
      expect([stream.key(record), attributeShapeProblem(disclosure)]).toEqual([stream.key(record), null]);
    }
  });

  it('the pool export is written in GBK: every row encodes and decodes unchanged', () => {
    expect(inspectionSubjectsSample.encoding).toBe('gbk');
    expect(inspectionSubjectsSample.csvColumns).toEqual(SUBJECT_COLUMNS);
    for (const row of records(inspectionSubjectsSample)) {
      const text = Object.values(row).join(',');
      expect(iconv.decode(iconv.encode(text, 'gbk'), 'gbk')).toBe(text);
    }
  });

  it('results name items of the lists and enterprises of the pool; a district body inspects in its district', () => {
    const itemCodes = new Set(records(supervisionFeeds[0]).map((r) => r.sxbm));
    const pool = new Set(Array.from({ length: poolSize(OPTIONS.scale) }, (_, e) => enterprise(e, OPTIONS.seed).uscc));
    const results = records(inspectionResultsSample).filter((_, i) => !isMalformed(inspectionResultsSample.path, i, OPTIONS));
    const listedItems = results.filter((r) => itemCodes.has(r.sxbm)).length;
    // Only a malformed item (its code blanked) is missing from the list the feed serves.
    expect(listedItems / results.length).toBeGreaterThan(0.95);
    expect(results.every((r) => pool.has(r.tyshxydm))).toBe(true);
    const byDistrictBodies = results.filter((r) => CATALOGUE.find((i) => i.code === r.sxbm)!.division.code !== DEFAULT_CITY.code);
    const inTheirDistrict = byDistrictBodies.filter((r) => CATALOGUE.find((i) => i.code === r.sxbm)!.division.name === r.szqx);
    expect(inTheirDistrict.length / byDistrictBodies.length).toBeGreaterThan(0.9);
    // The big local firms are inspected too, so their profiles show it beside their credit records.
    const coreCodes = new Set(Array.from({ length: CORE_SIZE }, (_, i) => enterprise(i, OPTIONS.seed).uscc));
    const core = results.filter((r) => coreCodes.has(r.tyshxydm));
    expect(core.length).toBeGreaterThan(results.length / 5);
  });

  it('`since` finds the first result updated at or after it', () => {
    const results = records(inspectionResultsSample);
    for (const at of [0, 1, 137, results.length - 1]) {
      expect(inspectionResultsSample.firstIndexSince!(results[at].gxsj, OPTIONS)).toBe(at);
    }
    expect(inspectionResultsSample.firstIndexSince!('2099-01-01 00:00:00', OPTIONS)).toBe(results.length);
  });

  it('edition 2 drops a tenth of the items and subjects, changing none that stay, and adds a tenth more results', () => {
    const edition2 = { ...OPTIONS, edition: 2 };
    for (const feed of supervisionFeeds.slice(0, 2)) {
      const first = records(feed);
      const second = records(feed, edition2);
      expect(second.length).toBe(first.length - Math.round(first.length / 10));
      const firstByContent = new Set(first.map((r) => JSON.stringify(r)));
      expect(second.every((r) => firstByContent.has(JSON.stringify(r)))).toBe(true);
    }
    expect(resultCount(edition2)).toBe(OPTIONS.scale + OPTIONS.scale / 10);
    expect(records(inspectionResultsSample, edition2).slice(0, OPTIONS.scale)).toEqual(records(inspectionResultsSample));
  });
});

/** The index the malformed share follows: the list entry for the lists (stable across editions), the feed index for results. */
function malformedIndex(feed: IndexedFeed, index: number, o: FeedOptions): number {
  if (feed === inspectionResultsSample) return index;
  return (feed === supervisionFeeds[0] ? ITEM_LIST : SUBJECT_LIST).entryAt(index, o);
}
