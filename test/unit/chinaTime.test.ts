import { DateTime } from 'luxon';
import { formatChinaTime, parseChinaTime } from '../../src/domain/chinaTime';

describe('China time', () => {
  test('the forms feeds write all mean Asia/Shanghai time', () => {
    const expected = Date.parse('2026-11-27T00:00:00Z');
    for (const text of ['2026-11-27 08:00:00', '2026/11/27 08:00', '2026年11月27日 08:00', ' 2026-11-27T08:00:00 ', '2026-11-27T08:00:00+08:00', '2026-11-27T00:00:00Z']) {
      expect(parseChinaTime(text)?.getTime()).toBe(expected);
    }
    expect(parseChinaTime('2026-11-27')?.toISOString()).toBe('2026-11-26T16:00:00.000Z');
  });

  test('impossible dates and times are refused', () => {
    for (const text of ['2026-02-30', '2026-13-01', '2026-11-27 24:00:00', '2026-11-27 08:61', 'yesterday', '27/11/2026']) {
      expect(parseChinaTime(text)).toBeUndefined();
    }
    expect(parseChinaTime('2024-02-29')).toBeDefined();
  });

  test('the fast fixed-offset path agrees with the time-zone database, before and after 1991', () => {
    for (const text of ['1988-07-01 12:00:00', '1991-09-15 00:30:00', '2000-01-01 00:00:00', '2026-06-30 23:59:59']) {
      const viaZone = DateTime.fromSQL(text, { zone: 'Asia/Shanghai' }).toJSDate().getTime();
      expect(parseChinaTime(text)?.getTime()).toBe(viaZone);
      expect(formatChinaTime(parseChinaTime(text)!)).toBe(text);
    }
  });
});
