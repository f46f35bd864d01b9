import type { Knex } from 'knex';
import { GraphQLError } from 'graphql';
import { decodeCode, PPP_OPERATE_MODES, PPP_RETURN_MODES, PPP_STAGES, type PppCodeTable } from '../../domain/ppp';
import { listDisclosures, type Connection } from '../queries/disclosureList';

export const PPP_PROJECT_KIND = 'ppp-project';

export interface PppProjectListArgs {
  first?: number | null;
  after?: string | null;
  stage?: string | null;
  operateMode?: string | null;
  returnMode?: string | null;
  region?: string | null;
}

/** The code filters: argument, the SQL of the stored code (a fixed path, never input), its code table. */
const CODE_FILTERS: ReadonlyArray<[keyof PppProjectListArgs, string, PppCodeTable]> = [
  ['stage', `d.attributes->'stage'->>'code'`, PPP_STAGES],
  ['operateMode', `d.attributes->'operateMode'->>'code'`, PPP_OPERATE_MODES],
  ['returnMode', `d.attributes->'returnMode'->>'code'`, PPP_RETURN_MODES],
];

/**
 * A code as the library writes it, checked against its table: an unknown code is the caller's
 * mistake and is answered with the known codes, not with an empty page.
 */
export function requireCode(table: PppCodeTable, value: string, argument: string): string {
  try {
    return decodeCode(table, value, `"${argument}"`).code;
  } catch (error) {
    throw new GraphQLError((error as Error).message, { extensions: { code: 'BAD_USER_INPUT' } });
  }
}

/**
 * Narrows `disclosures d` to PPP projects matching the arguments, every value a bound parameter.
 * A region matches the project's district or county, its city or its province, so asking for a
 * city lists its city-level projects and those of its districts.
 */
export function pppProjectScope(args: PppProjectListArgs): (q: Knex.QueryBuilder) => void {
  return (q) => {
    q.where('d.kind', PPP_PROJECT_KIND);
    for (const [argument, storedCode, table] of CODE_FILTERS) {
      const value = args[argument];
      if (value === null || value === undefined) continue;
      q.whereRaw(`${storedCode} = ?`, [requireCode(table, String(value), argument)]);
    }
    const region = args.region?.trim();
    if (region) {
      q.where((w) =>
        w
          .where('d.region', region)
          .orWhereRaw(`d.attributes->'location'->>'city' = ?`, [region])
          .orWhereRaw(`d.attributes->'location'->>'province' = ?`, [region]),
      );
    }
  };
}

/** A page of PPP projects, most recently initiated first, keyset-paged as every disclosure list. */
export function listPppProjects(knex: Knex, args: PppProjectListArgs): Promise<Connection<any>> {
  const scope = pppProjectScope(args);
  return listDisclosures(knex, { first: args.first, after: args.after }, scope);
}
