import jsonata from 'jsonata';
import { compileExpression } from '../../src/manifest/expression';

/**
 * A manifest's expressions in the quick subset are evaluated by the hub itself, for speed; they
 * must mean exactly what JSONata says they mean. Each case is evaluated both ways on records that
 * have the fields, lack them, or hold lists and numbers where text is usual.
 */

const RECORDS: unknown[] = [
  { a: 'x', b: 'y', n: '12.5', m: 56, t: true, o: { p: '深层' }, list: [1, 2], one: [1], blank: '', zero: 0, dept: { code: '230602' } },
  { a: '  多  空格\t文本 ', n: ' 12', m: '56', o: {}, list: [], blank: 'not blank' },
  {},
  { a: 7, b: null, n: 'abc', m: 55, t: false, o: { p: null }, list: ['x'], one: 'only' },
  // Blanks JSONata's $trim keeps (full-width, no-break), and numbers past 15 significant digits.
  { a: '\u3000大庆市\u3000', b: '\u00a0b ', m: 0.1 + 0.2, o: { p: 1234.5600000000002, q: 12345678901234567 }, one: 1e21 },
];

const QUICK = [
  'a',
  'o.p',
  'dept.code',
  '`a`',
  "'literal'",
  '42',
  'true',
  'null',
  "a & '/' & b",
  'a & n & m',
  '$trim(a)',
  '$lowercase(a)',
  '$uppercase(b)',
  '$string(m)',
  '$string(o)',
  '$trim(b)',
  "one & ''",
  '$number(n)',
  '$number(m)',
  "a = 'x'",
  "a != 'x'",
  'm > 55',
  'm >= 56',
  "a = 'x' ? 'published' : 'revoked'",
  "t ? 'yes'",
  'blank and a',
  'zero or blank',
  '{ "first": a, "second": b, "deep": o.p, "count": $number(m) }',
  '[a, b, list]',
  '[one]',
  'list',
  'one',
];

async function jsonataSays(expression: string, record: unknown): Promise<{ value?: unknown; error?: boolean }> {
  try {
    const value = await jsonata(expression).evaluate(record);
    return { value: Array.isArray(value) ? [...value] : value };
  } catch {
    return { error: true };
  }
}

async function hubSays(expression: string, record: unknown): Promise<{ value?: unknown; error?: boolean }> {
  try {
    return { value: await compileExpression(expression).evaluate(record) };
  } catch {
    return { error: true };
  }
}

describe('quick expressions mean what JSONata means', () => {
  test.each(QUICK)('%s', async (expression) => {
    expect(compileExpression(expression).quick).toBeDefined();
    for (const record of RECORDS) {
      expect({ record, ...(await hubSays(expression, record)) }).toEqual({ record, ...(await jsonataSays(expression, record)) });
    }
  });

  test('other JSONata is left to JSONata, with its full language', async () => {
    const expression = '$map(list, function($v) { $v * 2 })';
    expect(compileExpression(expression).quick).toBeUndefined();
    expect(await compileExpression(expression).evaluate({ list: [1, 2] })).toEqual([2, 4]);
    expect(compileExpression('a[0]').quick).toBeUndefined();
    expect(compileExpression('$split(a, "\\n")').quick).toBeUndefined();
  });

  test('a key or cursor that meets a list says so', () => {
    const key = compileExpression('o.p');
    expect(() => key.quick!({ o: [{ p: 1 }] })).toThrow(/meets a list or a value that is not text/);
  });
});
