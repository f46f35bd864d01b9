import { PPP, type PppBody } from '../../domain/contract';
import { validateUscc } from '../../domain/uscc';
import { attributesNamed, listOf, servedAs, type ServedKinds } from '../disclosures/served';

/**
 * A body as PppBody serves it: as the project's attributes store it (the code normalised). Its
 * code's check is made when a query asks for `usccValid` or `entity` (resolvers.ts), not for every
 * body of every project a page serves: a page of 20 projects checked some 60 codes whether it
 * showed them or not.
 */
export type ServedBody = PppBody;

/** The body's code when it passes its check (only a valid code links to an entity); null otherwise. */
export function validCodeOf(body: ServedBody): string | null {
  const check = body.uscc ? validateUscc(body.uscc) : null;
  return check?.valid ? check.normalized : null;
}

/**
 * A project as PppProject serves it. The named attributes are assigned onto, not spread with the
 * rest: a spread of sixteen properties next to others took V8's slow path (about 30 µs a row).
 */
const project = servedAs('PppProject', (a) =>
  Object.assign(
    attributesNamed(
      a, 'projNo', 'stage', 'location', 'industry', 'overview', 'totalInvestment', 'operateMode', 'returnMode', 'cooperationTermYears',
      'initiatedOn', 'demonstration', 'procurementMethod', 'contractSignedOn', 'contact', 'implementingAgency', 'governmentParticipation',
    ),
    {
      policyConflicts: listOf(a.policyConflicts),
      partners: listOf<ServedBody>(a.partners),
    },
  ),
);

/** The PPP project library (PPP项目库): one type. */
export const servedPppKinds: ServedKinds = { [PPP.kinds.project]: project };
