import type { Knex } from 'knex';
import { decodeCursor, encodeCursor } from '../cursor';
import { pageSize } from '../limits';
import { escapeLike } from './disclosureFilter';
import type { Connection } from './disclosureList';
import type { EntityView } from '../resolvers/entity';

/** Entities by name (substring, any script), in code order, keyset-paged on the code. */
export async function listEntities(knex: Knex, args: { search?: string | null; first?: number | null; after?: string | null }): Promise<Connection<EntityView>> {
  const limit = pageSize(args.first);
  const base = () => {
    const q = knex('entities');
    const text = args.search?.trim();
    if (text) q.whereRaw(`(name ILIKE ? ESCAPE '\\' OR uscc = ?)`, [`%${escapeLike(text)}%`, text.toUpperCase()]);
    return q;
  };
  const page = base().select('uscc', 'name');
  if (args.after) page.where('uscc', '>', decodeCursor(args.after, ['string'])[0]);
  const rows = await page.orderBy('uscc').limit(limit + 1);
  const edges = rows.slice(0, limit).map((r: { uscc: string; name: string }) => ({
    cursor: encodeCursor([r.uscc]),
    node: { uscc: r.uscc, name: r.name, usccValid: true },
  }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: async () => Number((await base().count({ count: '*' }))[0].count),
  };
}
