import { schedulePeriodMs, upcomingFires } from '../../src/sync/cronTimes';
import { isStale } from '../../src/sync/freshness';

const HOUR = 3600 * 1000;
const ago = (hours: number, now: Date) => new Date(now.getTime() - hours * HOUR);

describe('a schedule\'s period: the longest gap between consecutive fires', () => {
  test.each([
    ['5 * * * *', 1],
    ['*/30 * * * *', 0.5],
    ['30 2 * * *', 24],
    ['0 4 * * 0', 7 * 24],
    ['0 9 * * 1-5', 3 * 24], // Friday 09:00 to Monday 09:00
    ['0 9,17 * * 1-5', 64], // Friday 17:00 to Monday 09:00
  ])('%s: %d hours', (expression, hours) => {
    expect(schedulePeriodMs(expression)).toBe(hours * HOUR);
  });

  test('an expression that is not cron has no period and no fires', () => {
    expect(schedulePeriodMs('every hour')).toBeNull();
    expect(upcomingFires('every hour', 3)).toEqual([]);
  });

  test('fires are computed in China time: 02:30 there is 18:30 UTC', () => {
    const [next] = upcomingFires('30 2 * * *', 1);
    expect(next.toISOString()).toMatch(/T18:30:00\.000Z$/);
  });
});

describe('stale: no success yet, or the last one older than two periods', () => {
  const now = new Date('2026-12-01T12:00:00Z');

  test('never synced is stale, whatever the schedule', () => {
    expect(isStale(null, '5 * * * *', now)).toBe(true);
    expect(isStale(null, null, now)).toBe(true);
  });

  test('hourly: fresh within two hours, stale past them', () => {
    expect(isStale(ago(1.5, now), '5 * * * *', now)).toBe(false);
    expect(isStale(ago(2, now), '5 * * * *', now)).toBe(false);
    expect(isStale(ago(2.1, now), '5 * * * *', now)).toBe(true);
  });

  test('daily and weekly feeds are judged by their own periods', () => {
    expect(isStale(ago(30, now), '10 2 * * *', now)).toBe(false);
    expect(isStale(ago(49, now), '10 2 * * *', now)).toBe(true);
    expect(isStale(ago(13 * 24, now), '0 4 * * 0', now)).toBe(false);
    expect(isStale(ago(15 * 24, now), '0 4 * * 0', now)).toBe(true);
  });

  test('without a usable schedule there is nothing to fall behind', () => {
    expect(isStale(ago(1000, now), null, now)).toBe(false);
    expect(isStale(ago(1000, now), 'every hour', now)).toBe(false);
  });
});
