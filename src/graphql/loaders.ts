import DataLoader from 'dataloader';
import type { Knex } from 'knex';
import { DISCLOSURE_COLUMNS } from './queries/disclosureList';
import { createProfileLoaders } from './entityProfile';

export interface EntityRow {
  uscc: string;
  name: string;
}

export interface RevisionRow {
  disclosure_id: number;
  version: number;
  snapshot: unknown;
  valid_from: Date;
  replaced_at: Date;
}

/**
 * One set of DataLoaders per request: every relation a page of results touches is fetched in one
 * query per relation, however many rows the page has, and nothing is cached across requests.
 */
export function createLoaders(knex: Knex) {
  return {
    profile: createProfileLoaders(knex),
    entity: new DataLoader<string, EntityRow | null>(async (codes) => {
      const rows: EntityRow[] = await knex('entities').whereIn('uscc', [...codes]).select('uscc', 'name');
      const byCode = new Map(rows.map((r) => [r.uscc, r]));
      return codes.map((code) => byCode.get(code) ?? null);
    }),
    revisions: new DataLoader<number, RevisionRow[]>(async (ids) => {
      const rows: RevisionRow[] = await knex('revisions')
        .whereIn('disclosure_id', [...ids])
        .orderBy([{ column: 'disclosure_id' }, { column: 'version', order: 'desc' }])
        .select('disclosure_id', 'version', 'snapshot', 'valid_from', 'replaced_at');
      const byDisclosure = new Map<number, RevisionRow[]>();
      for (const row of rows) {
        const list = byDisclosure.get(Number(row.disclosure_id)) ?? [];
        list.push(row);
        byDisclosure.set(Number(row.disclosure_id), list);
      }
      return ids.map((id) => byDisclosure.get(Number(id)) ?? []);
    }),
    disclosure: new DataLoader<number, any>(async (ids) => {
      const rows = await knex('disclosures as d').whereIn('d.id', [...ids]).select(DISCLOSURE_COLUMNS);
      const byId = new Map(rows.map((r: any) => [Number(r.id), r]));
      return ids.map((id) => byId.get(Number(id)) ?? null);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
