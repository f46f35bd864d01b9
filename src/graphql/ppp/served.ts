import { PPP } from '../../domain/contract';
import { validateUscc } from '../../domain/uscc';
import { attributesNamed, listOf, servedAs, type ServedKinds } from '../disclosures/served';

/** A body as a project's attributes store it: the code normalised, its validity not stored. */
interface StoredBody {
  name: string;
  uscc: string | null;
}

/** A body as PppBody serves it, with its code's check; `entityCode` is what `entity` loads. */
export interface ServedBody extends StoredBody {
  usccValid: boolean;
  /** Not a field: the normalised code, only when it is valid (only a valid code links to an entity). */
  entityCode: string | null;
}

function servedBody(body: StoredBody): ServedBody;
function servedBody(body: StoredBody | null | undefined): ServedBody | null;
function servedBody(body: StoredBody | null | undefined): ServedBody | null {
  if (!body) return null;
  const check = body.uscc ? validateUscc(body.uscc) : null;
  return { name: body.name, uscc: body.uscc, usccValid: check?.valid ?? false, entityCode: check?.valid ? check.normalized : null };
}

/**
 * A project as PppProject serves it; every body in it carries its code's check. The named
 * attributes are assigned onto, not spread with the rest: a spread of fourteen properties next to
 * others took V8's slow path (about 30 µs a row).
 */
const project = servedAs('PppProject', (a) =>
  Object.assign(
    attributesNamed(
      a, 'projNo', 'stage', 'location', 'industry', 'overview', 'totalInvestment', 'operateMode', 'returnMode', 'cooperationTermYears',
      'initiatedOn', 'demonstration', 'procurementMethod', 'contractSignedOn', 'contact',
    ),
    {
      policyConflicts: listOf(a.policyConflicts),
      implementingAgency: servedBody(a.implementingAgency),
      partners: listOf<StoredBody>(a.partners).map((partner) => servedBody(partner)),
      governmentParticipation: a.governmentParticipation
        ? Object.assign({}, a.governmentParticipation, { equityRepresentative: servedBody(a.governmentParticipation.equityRepresentative) })
        : null,
    },
  ),
);

/** The PPP project library (PPP项目库): one type. */
export const servedPppKinds: ServedKinds = { [PPP.kinds.project]: project };
