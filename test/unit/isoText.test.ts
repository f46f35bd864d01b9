import { isoText } from '../../src/graphql/shared/isoText';

describe("an instant's ISO 8601 text", () => {
  test('is what toISOString writes, for 20,000 random instants and the edges of its range', () => {
    let seed = 11;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const edges = [0, -1, Date.UTC(999, 11, 31, 23, 59, 59, 999), Date.UTC(1000, 0, 1), Date.UTC(9999, 11, 31, 23, 59, 59, 999), Date.UTC(10000, 0, 1), -8.64e15, 8.64e15];
    const instants = [...edges, ...Array.from({ length: 20000 }, () => Math.floor((random() - 0.5) * 2 * 4e14))];
    for (const ms of instants) {
      const date = new Date(ms);
      expect(isoText(date)).toBe(date.toISOString());
    }
    expect(isoText(new Date('2026-11-03T08:00:00.5Z'))).toBe('2026-11-03T08:00:00.500Z');
  });
});
