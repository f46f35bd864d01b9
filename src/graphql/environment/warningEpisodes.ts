import DataLoader from 'dataloader';
import type { Knex } from 'knex';
import type { HubContext } from '../context';
import { DISCLOSURE_COLUMNS } from '../queries/disclosureList';
import { ENVIRONMENT_KINDS } from './kinds';

/** A warning's episode: the notices of one city sharing the number of the notice that issued it. */
export interface EpisodeKey {
  region: string | null;
  episodeNoticeNo: string;
}

/**
 * One DataLoader per request (keyed by the request's loaders object, which lives exactly as long as
 * the request), so a page of warnings loads every episode it shows in one query.
 */
const perRequest = new WeakMap<object, DataLoader<EpisodeKey, any[], string>>();

export function episodeNotices(ctx: HubContext, key: EpisodeKey): Promise<any[]> {
  let loader = perRequest.get(ctx.loaders);
  if (!loader) {
    loader = createEpisodeLoader(ctx.knex);
    perRequest.set(ctx.loaders, loader);
  }
  return loader.load(key);
}

const keyOf = (key: EpisodeKey) => `${key.region ?? ''}|${key.episodeNoticeNo}`;

function createEpisodeLoader(knex: Knex) {
  return new DataLoader<EpisodeKey, any[], string>(
    async (keys) => {
      const numbers = [...new Set(keys.map((k) => k.episodeNoticeNo))];
      const rows: any[] = await knex('disclosures as d')
        .where('d.kind', ENVIRONMENT_KINDS.warning)
        .whereRaw(`d.attributes->>'episodeNoticeNo' IN (${numbers.map(() => '?').join(', ')})`, numbers)
        .orderBy([{ column: 'd.published_at' }, { column: 'd.id' }])
        .select(DISCLOSURE_COLUMNS);
      const byEpisode = new Map<string, any[]>();
      for (const row of rows) {
        const key = keyOf({ region: row.region, episodeNoticeNo: row.attributes.episodeNoticeNo });
        byEpisode.set(key, [...(byEpisode.get(key) ?? []), row]);
      }
      return keys.map((k) => byEpisode.get(keyOf(k)) ?? []);
    },
    { cacheKeyFn: keyOf },
  );
}
