import path from 'node:path';
import { CONNECTOR_MANIFESTS_DIR } from '../../connectors';
import { BUDGETS, FINAL_ACCOUNTS, fiscalFeeds } from '../../samples/fiscal';
import { accountAt, departmentsPerYear } from '../../samples/fiscal/accounts';
import { SUBJECT_NAMES } from '../../samples/fiscal/subjects';
import { CITY_DEPARTMENTS } from '../../samples/kit/cityDepartments';
import { isMalformed, type FeedOptions, type IndexedFeed } from '../../samples/kit/feed';
import { FISCAL } from '../../src/domain/contract';
import { loadManifest } from '../../src/manifest/loadManifest';
import { attributeShapeProblem } from '../../src/sync/attributeShapes';
import { validatorFor } from '../../src/sync/validation';

const OPTIONS: FeedOptions = { seed: 42, scale: 300, malformedRate: 0.02, edition: 1 };
const manifest = loadManifest(path.join(CONNECTOR_MANIFESTS_DIR, 'fiscal', 'connector.yaml'));
const records = (feed: IndexedFeed, o: FeedOptions = OPTIONS) => Array.from({ length: feed.count(o) }, (_, i) => feed.record(i, o) as any);
const cents = (yuan: string) => Math.round(Number(yuan) * 100);

describe('the fiscal manifest and its sample platform', () => {
  test('declares a stream of each fiscal kind, each with a sample feed at its source path', () => {
    expect(manifest.connector).toMatchObject({ name: 'fiscal', domain: 'FISCAL' });
    expect(manifest.streams.map((s) => [s.declared.name, s.declared.kind, s.declared.source.path])).toEqual([
      ['budgets', FISCAL.kinds.budget, BUDGETS.path],
      ['final-accounts', FISCAL.kinds.finalAccount, FINAL_ACCOUNTS.path],
    ]);
    expect(fiscalFeeds.map((f) => f.path)).toEqual([BUDGETS.path, FINAL_ACCOUNTS.path]);
  });

  test.each(manifest.streams.map((s, i) => [s.declared.name, s, fiscalFeeds[i]] as const))('%s: exactly the malformed share fails the schema; every other record maps to the contract shape', async (_name, compiled, feed) => {
    const validate = validatorFor(compiled.recordSchema);
    const stream = manifest.connector.streams.find((s) => s.name === compiled.declared.name)!;
    const all = records(feed);
    expect(all).toHaveLength(300);
    let malformed = 0;
    for (const [i, record] of all.entries()) {
      const errors = validate(record);
      expect(errors.length > 0).toBe(isMalformed(feed.path, i, OPTIONS));
      if (errors.length) {
        malformed++;
        continue;
      }
      const disclosure = await stream.toDisclosure(record, undefined as never);
      expect(attributeShapeProblem(disclosure)).toBeNull();
    }
    expect(malformed).toBeGreaterThan(0);
  });

  test('keys (department/year) are unique; every department is the city’s, municipal ones first', () => {
    for (const feed of fiscalFeeds) {
      const keys = records(feed).map((r) => `${r.bmbm}/${r.nd}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
    expect(departmentsPerYear(BUDGETS, OPTIONS)).toBe(50);
    expect(accountAt(BUDGETS, 0, OPTIONS).department.name).toBe('大庆市人民政府办公室');
    expect(CITY_DEPARTMENTS.every((d) => d.code.startsWith(d.division.code))).toBe(true);
    // A larger scale cannot make up departments: every department's every year, at most.
    const big = { ...OPTIONS, scale: 100_000 };
    expect(fiscalFeeds[0].count(big)).toBe(CITY_DEPARTMENTS.length * 6);
  });

  test('the figures add up: 项 to 款 to 类 to the total, the 三公 parts to their total; a budget balances', () => {
    for (const feed of fiscalFeeds) {
      for (const r of records(feed, { ...OPTIONS, malformedRate: 0, edition: 3 })) {
        const rows: Array<{ kmbm: string; kmmc: string; je: string }> = r.zcgnfl;
        for (const row of rows) expect(row.kmmc).toBe(SUBJECT_NAMES[row.kmbm]);
        const sumOf = (parent: string, length: number) => rows.filter((x) => x.kmbm.length === length && x.kmbm.startsWith(parent)).reduce((s, x) => s + cents(x.je), 0);
        for (const row of rows.filter((x) => x.kmbm.length < 7)) expect(sumOf(row.kmbm, row.kmbm.length + 2)).toBe(cents(row.je));
        expect(sumOf('', 3)).toBe(cents(r.zchj));
        const t = r.sgjf;
        expect(cents(t.yggcjf) + cents(t.gwycgzf) + cents(t.gwycyxwhf) + cents(t.gwjdf)).toBe(cents(t.hj));
        if (r.bblx === '部门预算') expect(r.srhj).toBe(r.zchj);
        else expect(cents(r.srhj)).toBeGreaterThanOrEqual(cents(r.zchj));
      }
    }
  });

  test('the same seed gives the same feed, another seed another; a later edition corrects a few accounts and nothing else', () => {
    for (const feed of fiscalFeeds) {
      expect(records(feed)).toEqual(records(feed));
      expect(records(feed, { ...OPTIONS, seed: 7 })).not.toEqual(records(feed));
      const first = records(feed);
      const second = records(feed, { ...OPTIONS, edition: 2 });
      const changed = second.filter((r, i) => JSON.stringify(r) !== JSON.stringify(first[i]));
      expect(changed.length).toBeGreaterThan(10);
      expect(changed.length).toBeLessThan(60);
      for (const r of changed) expect(r).toMatchObject({ gzbz: '1', gzsm: expect.stringMatching(/^更正：/) });
      // The account keeps its place and identity; only the corrected figures and its stamp move.
      second.forEach((r, i) => expect([r.bmbm, r.nd, r.fbrq]).toEqual([first[i].bmbm, first[i].nd, first[i].fbrq]));
    }
  });
});
