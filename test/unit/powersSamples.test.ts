import path from 'node:path';
import { CONNECTOR_MANIFESTS_DIR } from '../../connectors';
import { powersFeeds } from '../../samples/powers';
import { CATEGORIES } from '../../samples/powers/catalogue';
import { entryAt, isListed, listedCount } from '../../samples/powers/listing';
import { isMalformed, type FeedOptions, type IndexedFeed } from '../../samples/kit/feed';
import { POWERS } from '../../src/domain/contract';
import { loadManifest } from '../../src/manifest/loadManifest';
import { attributeShapeProblem } from '../../src/sync/attributeShapes';
import { validatorFor } from '../../src/sync/validation';

const OPTIONS: FeedOptions = { seed: 42, scale: 300, malformedRate: 0.02, edition: 1 };
const manifest = loadManifest(path.join(CONNECTOR_MANIFESTS_DIR, 'powers', 'connector.yaml'));
const records = (feed: IndexedFeed, o: FeedOptions = OPTIONS) => Array.from({ length: feed.count(o) }, (_, i) => feed.record(i, o) as any);
const [POWER_FEED, DUTY_FEED] = powersFeeds;

describe('the powers manifest and its sample list system', () => {
  test('declares the two lists as snapshots of the contract’s kinds, each with a sample feed at its path', () => {
    expect(manifest.connector).toMatchObject({ name: 'powers', domain: 'POWERS' });
    expect(manifest.streams.map((s) => [s.declared.name, s.declared.kind, s.declared.source.path, s.declared.mode, s.declared.removedStatus])).toEqual([
      ['power-list', POWERS.kinds.power, POWER_FEED.path, 'snapshot', 'removed'],
      ['duty-list', POWERS.kinds.duty, DUTY_FEED.path, 'snapshot', 'removed'],
    ]);
    expect(POWER_FEED).toMatchObject({ format: 'csv', encoding: 'utf-8' });
  });

  test.each(manifest.streams.map((s, i) => [s.declared.name, s, powersFeeds[i]] as const))('%s: exactly the malformed share fails the schema or the shape; every other record maps to the contract', async (_name, compiled, feed) => {
    const validate = validatorFor(compiled.recordSchema);
    const stream = manifest.connector.streams.find((s) => s.name === compiled.declared.name)!;
    let failed = 0;
    for (const [i, record] of records(feed).entries()) {
      const errors = validate(record);
      const disclosure = errors.length ? undefined : await stream.toDisclosure(record, undefined as never);
      const bad = errors.length > 0 || attributeShapeProblem(disclosure!) !== null;
      expect(bad).toBe(isMalformed(feed.path, entryAt(i, OPTIONS), OPTIONS));
      if (bad) failed++;
    }
    expect(failed).toBeGreaterThan(0);
  });

  test('item codes are unique and carry their department and category; both lists list the same powers', () => {
    const powers = records(POWER_FEED);
    const codes = powers.map((r) => r.事项编码);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of powers) expect(r.事项编码.startsWith(`${r.实施主体编码}-${CATEGORIES[r.职权类别 as keyof typeof CATEGORIES] ?? ''}`)).toBe(true);
    const all = { ...OPTIONS, malformedRate: 0 };
    expect(records(DUTY_FEED, all).map((r) => r.zrsxbm)).toEqual(records(POWER_FEED, all).map((r) => `ZR-${r.事项编码}`));
    expect(new Set(records(POWER_FEED, all).map((r) => r.行使层级))).toEqual(new Set(['市级', '县级']));
  });

  test('a later edition drops a twentieth of the first listing per edition and adds new powers; the rest is unchanged', () => {
    const all = { ...OPTIONS, malformedRate: 0 };
    const first = new Map(records(POWER_FEED, all).map((r) => [r.事项编码, r]));
    for (const edition of [2, 3]) {
      const o = { ...all, edition };
      const now = records(POWER_FEED, o);
      expect(now).toHaveLength(listedCount(o));
      const kept = now.filter((r) => first.has(r.事项编码));
      expect(first.size - kept.length).toBe(15 * (edition - 1));
      expect(now.length - kept.length).toBe(15 * (edition - 1));
      for (const r of kept) expect(r).toEqual(first.get(r.事项编码));
      for (let i = 0; i < now.length; i++) expect(isListed(entryAt(i, o), o)).toBe(true);
    }
    expect(records(POWER_FEED)).toEqual(records(POWER_FEED));
    expect(records(POWER_FEED, { ...OPTIONS, edition: 2, seed: 7 })).not.toEqual(records(POWER_FEED, { ...OPTIONS, edition: 2 }));
  });
});
