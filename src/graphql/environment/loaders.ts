import { ENVIRONMENT } from '../../domain/contract';
import type { Knex } from 'knex';
import { DISCLOSURE_COLUMNS, type DisclosureRow } from '../disclosures/columns';
import { groupRows, mapLoader } from '../shared/mapLoader';
import { servedPollutionWarning, type EpisodeKey, type ServedPollutionWarning } from './served';

/** Episode keys are objects: loads of one episode meet under one text key. */
const keyOf = (key: EpisodeKey) => `${key.region ?? ''}|${key.episodeNoticeNo}`;

export function createEnvironmentLoaders(knex: Knex) {
  return {
    /** A warning's notices, oldest first: a page of warnings loads every episode it shows in one query. */
    warningEpisodes: mapLoader(
      async (keys: EpisodeKey[]) => {
        const numbers = [...new Set(keys.map((k) => k.episodeNoticeNo))];
        const rows: DisclosureRow[] = await knex('disclosures as d')
          .where('d.kind', ENVIRONMENT.kinds.warning)
          .whereRaw(`d.attributes->>'episodeNoticeNo' IN (${numbers.map(() => '?').join(', ')})`, numbers)
          .orderBy([{ column: 'd.published_at' }, { column: 'd.id' }])
          .select(DISCLOSURE_COLUMNS);
        return groupRows(rows.map(servedPollutionWarning), (warning) => keyOf(warning.episodeKey), (warning) => warning);
      },
      [] as ServedPollutionWarning[],
      keyOf,
    ),
  };
}
