import { checkUscc, type UsccCheck } from '../../domain/usccCheck';
import type { UsccFinding } from '../../domain/usccFindings';
import type { HubContext } from '../context';
import { badInput } from '../shared/badInput';

/** Far more than any code: a longer text is not a code mistyped, and its answer would only grow. */
export const USCC_CHECK_MAX_LENGTH = 100;

/** The GraphQL enum name of a finding's kind: 'check-character' → CHECK_CHARACTER. */
const enumName = (kind: string) => kind.toUpperCase().replace(/-/g, '_');
const served = <K extends string>(f: UsccFinding<K>) => ({ ...f, kind: enumName(f.kind) });

/** usccCheck (统一社会信用代码校验): the domain check, served with the parts spread out as fields. */
export const usccResolvers = {
  Query: {
    usccCheck: (_: unknown, { code }: { code: string }, ctx: HubContext) => {
      const length = [...code].length;
      if (length > USCC_CHECK_MAX_LENGTH) {
        throw badInput(`"code" is ${length} characters long; a unified social credit code has 18, so send at most ${USCC_CHECK_MAX_LENGTH}`);
      }
      return servedCheck(checkUscc(code, ctx.city));
    },
  },
};

function servedCheck(check: UsccCheck) {
  const { parts, ...rest } = check;
  return {
    ...rest,
    problems: check.problems.map(served),
    notes: check.notes.map(served),
    registrationAuthority: parts?.registrationAuthority ?? null,
    entityCategory: parts?.entityCategory ?? null,
    division: parts ? { ...parts.division, scope: enumName(parts.division.scope) } : null,
    organisationCode: parts?.organisationCode ?? null,
  };
}
