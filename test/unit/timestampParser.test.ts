import pg from 'pg';
import { timestamptzReader } from '../../src/db/timestampParser';

/** pg's own reader (postgres-date), which the fast one must agree with on every text. */
const pgReader = pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ);
const read = timestamptzReader(pgReader);

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A timestamptz written as PostgreSQL writes it (DateStyle ISO), in the offset given. */
function written(year: number, month: number, day: number, hms: [number, number, number], fraction: string, offset: string): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)} ${hms.map((n) => pad(n, 2)).join(':')}${fraction ? `.${fraction}` : ''}${offset}`;
}

const instant = (value: unknown) => (value instanceof Date ? value.getTime() : value);

describe('reading timestamptz text', () => {
  test('reads the shapes PostgreSQL writes to the same instant as pg does', () => {
    const texts = [
      '2026-11-03 08:00:00+00',
      '2026-11-03 08:00:00.5+08',
      '2026-11-03 08:00:00.123456+08',
      '2024-02-29 23:59:59.999999-03:30',
      '2024-12-31 23:30:00+05:45',
      '1970-01-01 00:00:00+00',
      '0100-01-01 00:00:00+00',
      '9999-12-31 23:59:59.999999+14',
    ];
    for (const text of texts) expect(instant(read(text))).toBe(instant(pgReader(text)));
    expect((read('2026-11-03 08:00:00.5+08') as Date).toISOString()).toBe('2026-11-03T00:00:00.500Z');
  });

  test('leaves every other shape to pg, which reads it as before', () => {
    const others = ['infinity', '-infinity', '0044-03-15 12:00:00+00 BC', '0099-05-05 00:00:00+00', '1900-01-01 00:00:00+08:05:43', '12026-01-01 00:00:00+00', '2026-01-01'];
    for (const text of others) expect(instant(read(text))).toEqual(instant(pgReader(text)));
    expect(read('infinity')).toBe(Infinity);
    expect((read('0099-05-05 00:00:00+00') as Date).getUTCFullYear()).toBe(99);
  });

  test('agrees with pg on 20,000 random instants, fractions and offsets', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const offsets = ['+00', '+08', '-05', '+05:30', '-03:30', '+05:45', '+14', '-12', '+08:05:43'];
    for (let i = 0; i < 20000; i++) {
      const digits = random(7);
      const fraction = digits ? pad(random(10 ** digits), digits) : '';
      const text = written(1 + random(9999), 1 + random(12), 1 + random(28), [random(24), random(60), random(60)], fraction, offsets[random(offsets.length)]);
      expect([text, instant(read(text))]).toEqual([text, instant(pgReader(text))]);
    }
  });
});
