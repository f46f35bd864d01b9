import { dataAge, STALE_AFTER_PERIODS } from '../../src/domain/dataAge';
import { PUBLICATION_PERIOD_SECONDS } from '../../src/domain/contract';
import { STALE_AFTER_PERIODS as FEEDS_STALE_AFTER } from '../../src/sync/freshness';

describe('the age of a board’s or a record’s data (docs/standards/aqi.md, "Data age")', () => {
  const hourly = PUBLICATION_PERIOD_SECONDS.airHourly;
  const asOf = new Date('2026-11-01T00:00:00+08:00');
  const after = (seconds: number) => dataAge(asOf, hourly, new Date(asOf.getTime() + seconds * 1000));

  it('says a month-old board is a month old and stale (2026-11-01 on 2026-12-01)', () => {
    expect(dataAge(asOf, hourly, new Date('2026-12-01T00:00:00+08:00'))).toEqual({ asOf, seconds: 30 * 86_400, periodSeconds: 3600, stale: true });
  });

  it('is stale strictly after two periods: an hourly board at 2 h is current, at 2 h 1 s stale', () => {
    expect(STALE_AFTER_PERIODS).toBe(2);
    expect(after(0)).toMatchObject({ seconds: 0, stale: false });
    expect(after(7200)).toMatchObject({ seconds: 7200, stale: false });
    expect(after(7201)).toMatchObject({ seconds: 7201, stale: true });
    expect(after(7200.9)).toMatchObject({ seconds: 7200, stale: false });
  });

  it('counts a time ahead of the clock as no age at all', () => {
    expect(after(-90)).toMatchObject({ seconds: 0, stale: false });
  });

  it('measures daily sources by the day, with the same count of periods as feeds’ freshness', () => {
    expect([PUBLICATION_PERIOD_SECONDS.forecast, PUBLICATION_PERIOD_SECONDS.water]).toEqual([86_400, 86_400]);
    expect(dataAge(asOf, 86_400, new Date(asOf.getTime() + 2 * 86_400 * 1000)).stale).toBe(false);
    expect(dataAge(asOf, 86_400, new Date(asOf.getTime() + 2 * 86_400 * 1000 + 1000)).stale).toBe(true);
    expect(FEEDS_STALE_AFTER).toBe(STALE_AFTER_PERIODS);
  });

  it('refuses what is not a time or a period', () => {
    expect(() => dataAge(new Date('nonsense'), hourly)).toThrow(/needs the time of the data/);
    expect(() => dataAge(asOf, 0)).toThrow(/a whole number of seconds above 0, got 0/);
  });
});
