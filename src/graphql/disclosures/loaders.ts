import type { Knex } from 'knex';
import { serveDisclosure } from '../servedKinds';
import { groupRows, mapLoader } from '../shared/mapLoader';
import { DISCLOSURE_COLUMNS } from './columns';
import type { ServedDisclosure } from './served';

/** An earlier version of a disclosure, as the Revision type serves it. */
export interface ServedRevision {
  version: number;
  snapshot: unknown;
  validFrom: Date;
  replacedAt: Date;
}

/** Ids come back from bigint columns as text: every lookup goes by the number. */
const byNumber = (id: number | string) => Number(id);

export function createDisclosureLoaders(knex: Knex) {
  return {
    /** Disclosures by id, e.g. the listings of a credit summary or the notices of awards. */
    byId: mapLoader(
      async (ids: number[]) => {
        const rows = await knex('disclosures as d').whereIn('d.id', ids).select(DISCLOSURE_COLUMNS);
        return new Map(rows.map((row: any) => [byNumber(row.id), serveDisclosure(row)]));
      },
      null as ServedDisclosure | null,
      byNumber,
    ),
    /** Each disclosure's earlier versions, newest first. */
    revisions: mapLoader(
      async (ids: number[]) => {
        const rows = await knex('revisions')
          .whereIn('disclosure_id', ids)
          .orderBy([{ column: 'disclosure_id' }, { column: 'version', order: 'desc' }])
          .select('disclosure_id', 'version', 'snapshot', 'valid_from', 'replaced_at');
        return groupRows(rows, (row: any) => byNumber(row.disclosure_id), servedRevision);
      },
      [] as ServedRevision[],
      byNumber,
    ),
  };
}

function servedRevision(row: any): ServedRevision {
  return { version: row.version, snapshot: row.snapshot, validFrom: row.valid_from, replacedAt: row.replaced_at };
}
