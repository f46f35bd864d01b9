import { creditFeeds } from '../../samples/credit';
import type { FeedOptions, IndexedFeed } from '../../samples/kit/feed';
import { DEFAULT_FEED_OPTIONS } from '../../samples/kit/feedServer';
import { enterprise, POPULATION_SIZE } from '../../samples/kit/population';
import { WELL_KNOWN_ENTERPRISE_NAMES } from '../fixtures/wellKnownEnterpriseNames';

// The sample enterprises are fictional (docs/standards/city.md, "Sample enterprises"): a penalty,
// an abnormal listing or a serious-violation listing never names a real firm. Names are drawn per
// seed, so the population is scanned under several seeds, the default one first.
const SEEDS = [DEFAULT_FEED_OPTIONS.seed, 1, 7, 43, 2026];

/** The well-known names a sample name contains. */
function wellKnownIn(name: string): string[] {
  return WELL_KNOWN_ENTERPRISE_NAMES.filter((known) => name.includes(known));
}

function matches(names: Iterable<string>): string[] {
  return [...new Set(names)].flatMap((name) => wellKnownIn(name).map((known) => `${name} contains ${known}`));
}

/** The party and subject name fields of every credit feed: 2019 licences and penalties, the 2016 export, both lists. */
const PARTY_FIELDS = ['XK_XDR_MC', 'CF_XDR_MC', 'ENTNAME'];

function partyNames(feed: IndexedFeed, o: FeedOptions): string[] {
  return Array.from({ length: feed.count(o) }, (_, i) => feed.record(i, o) as Record<string, unknown>).flatMap((record) =>
    PARTY_FIELDS.map((field) => record[field]).filter((name): name is string => typeof name === 'string' && name !== ''),
  );
}

describe('sample enterprises are fictional', () => {
  it('the list of well-known names is long enough to mean something, and the scan finds a real name', () => {
    expect(new Set(WELL_KNOWN_ENTERPRISE_NAMES).size).toBeGreaterThanOrEqual(100);
    expect(wellKnownIn('大庆油田建设集团有限公司')).toEqual(['大庆油田']);
    expect(wellKnownIn('黑龙江飞鹤乳业有限公司')).toEqual(['飞鹤']);
  });

  it.each(SEEDS)('no enterprise of the population under seed %d carries a well-known name or trade name', (seed) => {
    const names = Array.from({ length: POPULATION_SIZE }, (_, i) => enterprise(i, seed).name);
    expect(names.length).toBe(POPULATION_SIZE);
    expect(matches(names)).toEqual([]);
  });

  it.each(creditFeeds.map((feed) => [feed.path, feed] as const))('no party of %s carries one', (_path, feed) => {
    for (const seed of SEEDS.slice(0, 2)) {
      const names = partyNames(feed, { seed, scale: 1500, malformedRate: 0, edition: 1 });
      expect(names.length).toBeGreaterThan(1000);
      expect(matches(names)).toEqual([]);
    }
  });
});
