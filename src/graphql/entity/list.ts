import type { Knex } from 'knex';
import { escapeLike } from '../disclosures/search';
import { connectionOf, countRows, type Connection } from '../shared/connection';
import { decodeCursor, encodeCursor } from '../shared/cursor';
import { pageSize } from '../shared/pageSize';
import { storedEntity, type EntityView } from './served';

export interface EntityListArgs {
  search?: string | null;
  first?: number | null;
  after?: string | null;
}

/** Entities by name (substring, any script), in code order, keyset-paged on the code. */
export async function listEntities(knex: Knex, args: EntityListArgs): Promise<Connection<EntityView>> {
  const limit = pageSize(args.first);
  const base = () => {
    const q = knex('entities');
    const text = args.search?.trim();
    if (text) q.whereRaw(`(name ILIKE ? ESCAPE '\\' OR uscc = ?)`, [`%${escapeLike(text)}%`, text.toUpperCase()]);
    return q;
  };
  const page = base().select('uscc', 'name');
  if (args.after) page.where('uscc', '>', decodeCursor(args.after, ['string'])[0]);
  const rows: Array<{ uscc: string; name: string }> = await page.orderBy('uscc').limit(limit + 1);
  return connectionOf(rows, limit, storedEntity, (row) => encodeCursor([row.uscc]), () => countRows(base()));
}
