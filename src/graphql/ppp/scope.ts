import { PPP } from '../../domain/contract';
import { decodeCode, PPP_OPERATE_MODES, PPP_RETURN_MODES, PPP_STAGES, type PppCodeTable } from '../../domain/ppp';
import { badInput } from '../shared/badInput';
import { given, type DisclosureScope } from '../shared/scope';

export interface PppProjectArgs {
  stage?: string | null;
  operateMode?: string | null;
  returnMode?: string | null;
  region?: string | null;
  policyConflict?: boolean | null;
}

/** Whether a project contradicts a policy: its stored conflicts are a non-empty list (none stored is none). */
const HAS_POLICY_CONFLICT = `jsonb_array_length(coalesce(d.attributes->'policyConflicts', '[]'::jsonb)) > 0`;

/** The code filters: argument, the SQL of the stored code (a fixed path, never input), its code table. */
const CODE_FILTERS: ReadonlyArray<['stage' | 'operateMode' | 'returnMode', string, PppCodeTable]> = [
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
    throw badInput((error as Error).message);
  }
}

/**
 * PPP projects matching the arguments, every value a bound parameter. A region (already in the
 * city's vocabulary, scopedList) matches the project's district or county, its city or its
 * province, so asking for a city lists its city-level projects and those of its districts.
 * `policyConflict` keeps the projects whose record contradicts a policy, or those that fit them all.
 */
export function pppProjectScope(args: PppProjectArgs): DisclosureScope {
  return {
    filter: { kind: PPP.kinds.project },
    scope: (q) => {
      for (const [argument, storedCode, table] of CODE_FILTERS) {
        const value = args[argument];
        if (given(value)) q.whereRaw(`${storedCode} = ?`, [requireCode(table, String(value), argument)]);
      }
      if (given(args.policyConflict)) q.whereRaw(args.policyConflict ? HAS_POLICY_CONFLICT : `NOT (${HAS_POLICY_CONFLICT})`);
      const region = args.region?.trim();
      if (region) {
        q.where((w) =>
          w
            .where('d.region', region)
            .orWhereRaw(`d.attributes->'location'->>'city' = ?`, [region])
            .orWhereRaw(`d.attributes->'location'->>'province' = ?`, [region]),
        );
      }
    },
  };
}
