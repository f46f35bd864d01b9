import type { Knex } from 'knex';
import { prepared } from '../../db/preparedStatements';
import type { HubContext } from '../context';
import { mapLoader } from '../shared/mapLoader';
import { createProfileLoaders } from './profileLoaders';
import { storedEntity, type EntityView } from './served';

export function createEntityLoaders(knex: Knex) {
  return {
    /** Stored entities by code: every subject, party and body of a response in one query. */
    byCode: mapLoader(
      async (codes: string[]) => {
        const rows: Array<{ uscc: string; name: string }> = await prepared(knex('entities').whereIn('uscc', codes).select('uscc', 'name'));
        return new Map(rows.map((row) => [row.uscc, storedEntity(row)]));
      },
      null as EntityView | null,
    ),
    ...createProfileLoaders(knex),
  };
}

/**
 * The stored entity a code links to. Only a valid code links to one, so callers pass no code for
 * the rest: a party without an OCDS identifier, a body whose code fails its check.
 */
export async function linkedEntity(ctx: HubContext, code: string | null | undefined): Promise<EntityView | null> {
  return code ? ctx.loaders.entities.byCode.load(code) : null;
}
