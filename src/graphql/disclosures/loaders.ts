import type { Knex } from 'knex';
import { serveDisclosure } from '../servedKinds';
import { groupRows, mapLoader } from '../shared/mapLoader';
import { DISCLOSURE_COLUMNS } from './columns';
import type { ServedDisclosure } from './served';

export interface RevisionRow {
  disclosure_id: number;
  version: number;
  snapshot: unknown;
  valid_from: Date;
  replaced_at: Date;
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
        const rows: RevisionRow[] = await knex('revisions')
          .whereIn('disclosure_id', ids)
          .orderBy([{ column: 'disclosure_id' }, { column: 'version', order: 'desc' }])
          .select('disclosure_id', 'version', 'snapshot', 'valid_from', 'replaced_at');
        return groupRows(rows, (row) => byNumber(row.disclosure_id), (row) => row);
      },
      [] as RevisionRow[],
      byNumber,
    ),
  };
}
