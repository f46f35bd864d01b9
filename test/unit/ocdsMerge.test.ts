import { compileRelease, mergeValue, type Json } from '../../src/ocds/merge';
import { buildRecord } from '../../src/ocds/record';
import type { Release } from '../../src/ocds/types';

const OCID = 'ocds-213czf-DQCG-2026-0012';

function release(id: string, date: string, fields: Partial<Release> = {}): Release {
  return { ocid: OCID, id, date, tag: ['tender'], initiationType: 'tender', language: 'zh', ...fields };
}

describe('OCDS merge', () => {
  test('objects merge field by field, the later value winning', () => {
    expect(mergeValue({ a: 1, b: { c: 2, d: 3 } }, { b: { c: 4 }, e: 5 })).toEqual({ a: 1, b: { c: 4, d: 3 }, e: 5 });
  });

  test('arrays of objects with ids merge by id, in first-seen order, new ids appended', () => {
    const earlier: Json = { items: [{ id: 'a', x: 1, y: 1 }, { id: 'b', x: 1 }] };
    const later: Json = { items: [{ id: 'b', x: 2 }, { id: 'c', x: 3 }, { id: 'a', y: 2 }] };
    expect(mergeValue(earlier, later)).toEqual({ items: [{ id: 'a', x: 1, y: 2 }, { id: 'b', x: 2 }, { id: 'c', x: 3 }] });
  });

  test('other arrays (tags, roles) are replaced whole', () => {
    expect(mergeValue({ roles: ['tenderer'], n: [1, 2] }, { roles: ['supplier'], n: [3] })).toEqual({ roles: ['supplier'], n: [3] });
  });

  test('a null erases the field', () => {
    expect(mergeValue({ a: 1, b: 2 }, { a: null })).toEqual({ b: 2 });
  });

  test('a compiled release applies releases in date order, whatever order they are given in, comparing instants', () => {
    const tender = release('T', '2026-03-02T09:12:00+08:00', { tender: { id: 'P', title: '项目', status: 'active', value: { amount: 100, currency: 'CNY' } } });
    // 02:00Z is 10:00 in China: later than the tender although the string sorts first.
    const award = release('A', '2026-03-02T02:00:00Z', { tag: ['award'], tender: { id: 'P', title: '项目', status: 'complete' } });
    const compiled = compileRelease([award, tender]);
    expect(compiled.tender).toEqual({ id: 'P', title: '项目', status: 'complete', value: { amount: 100, currency: 'CNY' } });
    expect(compiled).toMatchObject({ ocid: OCID, id: `${OCID}-2026-03-02T02:00:00Z`, date: '2026-03-02T02:00:00Z', tag: ['compiled'] });
  });

  test('a pending award and the active award that follows it compile to one active award; parties merge by id', () => {
    const supplier = { id: 'CN-USCC-9123060416180339XJ', name: '大庆恒信医药有限公司' };
    const candidates = release('C', '2026-03-20T17:00:00+08:00', {
      tag: ['award'],
      parties: [{ ...supplier, roles: ['tenderer'] }, { id: 'B', name: '买方', roles: ['buyer'] }],
      awards: [{ id: 'P-award', status: 'pending', suppliers: [supplier], value: { amount: 900, currency: 'CNY' } }],
    });
    const result = release('R', '2026-03-25T10:00:00+08:00', {
      tag: ['award'],
      parties: [{ ...supplier, roles: ['supplier', 'tenderer'] }],
      awards: [{ id: 'P-award', status: 'active', date: '2026-03-24T00:00:00+08:00', suppliers: [supplier] }],
    });
    const compiled = compileRelease([candidates, result]);
    expect(compiled.awards).toEqual([{ id: 'P-award', status: 'active', date: '2026-03-24T00:00:00+08:00', suppliers: [supplier], value: { amount: 900, currency: 'CNY' } }]);
    expect(compiled.parties).toEqual([{ ...supplier, roles: ['supplier', 'tenderer'] }, { id: 'B', name: '买方', roles: ['buyer'] }]);
  });

  test('merging leaves the releases as they were', () => {
    const first = release('1', '2026-01-01T00:00:00+08:00', { tender: { id: 'P', title: 'a', status: 'active' } });
    const copy = structuredClone(first);
    const compiled = compileRelease([first, release('2', '2026-01-02T00:00:00+08:00', { tender: { id: 'P', title: 'b', status: 'active' } })]);
    compiled.tender!.title = 'changed';
    expect(first).toEqual(copy);
  });

  test('a record embeds its releases oldest first with their compiled release, and refuses a stranger', () => {
    const later = release('2', '2026-01-02T00:00:00+08:00');
    const earlier = release('1', '2026-01-01T00:00:00+08:00');
    const record = buildRecord([later, earlier]);
    expect(record.ocid).toBe(OCID);
    expect(record.releases.map((r) => r.id)).toEqual(['1', '2']);
    expect(record.compiledRelease.tag).toEqual(['compiled']);
    expect(() => buildRecord([earlier, { ...later, ocid: 'ocds-213czf-OTHER' }])).toThrow(/not the record's/);
  });
});
