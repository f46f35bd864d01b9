import fs from 'node:fs';
import path from 'node:path';
import { isMalformed, type FeedOptions } from '../../samples/kit/feed';
import { DEFAULT_FEED_OPTIONS } from '../../samples/kit/feedServer';
import { policyDocumentsSample } from '../../samples/policy/documents';
import { policyInterpretationsSample } from '../../samples/policy/interpretations';
import { DOCUMENTS_PATH, INTERPRETATIONS_PATH } from '../../samples/policy/paths';
import type { IndexedFeed } from '../../samples/kit/feed';
import { parseChinaTime } from '../../src/domain/chinaTime';
import { validatorFor } from '../../src/sync/validation';

/** The sample 政府信息公开平台: deterministic, in time order in every edition, malformed exactly where marked. */

const SCALE = 600;
const options = (extra: Partial<FeedOptions> = {}): FeedOptions => ({ ...DEFAULT_FEED_OPTIONS, scale: SCALE, ...extra });
const schemaOf = (file: string) => validatorFor(JSON.parse(fs.readFileSync(path.join(__dirname, '../../connectors/policy', file), 'utf8')));
const FEEDS: Array<[string, IndexedFeed, string, ReturnType<typeof validatorFor>, string]> = [
  ['documents', policyDocumentsSample, DOCUMENTS_PATH, schemaOf('documents.schema.json'), 'wjid'],
  ['interpretations', policyInterpretationsSample, INTERPRETATIONS_PATH, schemaOf('interpretations.schema.json'), 'jdid'],
];
const records = (feed: IndexedFeed, o: FeedOptions) => Array.from({ length: o.scale }, (_, i) => feed.record(i, o) as Record<string, any>);
const time = (text: string) => parseChinaTime(text)!.getTime();
const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86400000;

describe.each(FEEDS)('policy %s sample', (_name, feed, feedPath, validate, key) => {
  it('is deterministic by (seed, index) and differs by seed', () => {
    expect(feed.record(17, options())).toEqual(feed.record(17, options()));
    expect(feed.record(17, options())).not.toEqual(feed.record(17, options({ seed: 7 })));
    expect(feed.path).toBe(feedPath);
  });

  it('lists every record once, ascending by update time, and `since` finds the first at or after it, in every edition', () => {
    for (const edition of [1, 2, 3, 4]) {
      const o = options({ edition });
      const all = records(feed, o);
      expect(new Set(all.map((r) => r[key])).size).toBe(SCALE);
      const times = all.map((r) => time(r.gxsj));
      expect(times.every((t, i) => i === 0 || t >= times[i - 1])).toBe(true);
      for (const i of [0, 1, 250, SCALE - 1]) expect(feed.firstIndexSince!(all[i].gxsj, o)).toBe(times.indexOf(times[i]));
    }
  });

  it('exactly the marked records fail the manifest\'s record schema', () => {
    const o = options();
    const failing = records(feed, o).map((r) => validate(r).length > 0);
    // Documents move between editions; their malformation follows the document (its id), not the position.
    const marked = records(feed, o).map((r, i) => isMalformed(feedPath, key === 'wjid' ? Number(r.wjid.slice(4)) - 1 : i, o));
    expect(marked.filter(Boolean).length).toBeGreaterThan(0);
    expect(failing).toEqual(marked);
  });
});

describe('policy sample: documents and interpretations together', () => {
  // Without the malformed share: a broken record may lack the very field that joins the two.
  const o = options({ malformedRate: 0 });
  const documents = new Map(records(policyDocumentsSample, o).map((d) => [d.wjid, d]));
  const interpretations = records(policyInterpretationsSample, o);

  it('most documents are interpreted, some not at all, some twice; a few interpretations come before their document', () => {
    const count = new Map<string, number>();
    for (const i of interpretations) count.set(i.glwjid, (count.get(i.glwjid) ?? 0) + 1);
    const none = [...documents.keys()].filter((id) => !count.has(id)).length;
    expect(none / SCALE).toBeGreaterThan(0.05);
    expect(none / SCALE).toBeLessThan(0.25);
    expect([...count.values()].some((n) => n === 2)).toBe(true);
    const days = interpretations.map((i) => day(i.fbrq) - day(documents.get(i.glwjid)!.fbrq));
    expect(days.filter((d) => d < 0).length).toBeGreaterThan(3);
    expect(days.filter((d) => d === 0).length / days.length).toBeGreaterThan(0.4);
    expect(Math.min(...days)).toBeGreaterThanOrEqual(-1);
  });

  it('each interpretation cites its document by id and number, and is made by its issuer', () => {
    for (const i of interpretations) {
      const d = documents.get(i.glwjid)!;
      expect([i.glwjzh, i.jdjg]).toEqual([d.fwzh, d.fwjg]);
      expect(i.jdbt).toContain(d.wjbt);
    }
  });

  it('numbers follow the type: 规章 as 政府令, normative documents 〔year〕 with 规', () => {
    for (const d of documents.values()) {
      if (d.wjlx === '规章') expect(d.fwzh).toMatch(/^大庆市人民政府令第\d+号$/);
      if (d.wjlx === '规范性文件') expect(d.fwzh).toMatch(new RegExp(`^\\S+规〔${d.fbrq.slice(0, 4)}〕\\d+号$`));
    }
  });

  it('edition 2 abolishes a tenth of the documents, with the date, and changes nothing else about them', () => {
    const later = new Map(records(policyDocumentsSample, options({ edition: 2, malformedRate: 0 })).map((d) => [d.wjid, d]));
    const abolished = [...later.values()].filter((d) => d.sxzt === '废止');
    expect(abolished.length).toBe(SCALE / 10);
    for (const d of abolished) {
      const { sxzt, fzrq, gxsj, ...rest } = d;
      const { sxzt: before, fzrq: none, gxsj: earlier, ...same } = documents.get(d.wjid)!;
      expect([before, none, rest]).toEqual(['有效', null, same]);
      expect(fzrq).toBe(gxsj.slice(0, 10));
      expect(time(gxsj)).toBeGreaterThan(time(earlier));
    }
  });
});
