import { validateUscc } from '../../domain/uscc';
import type { HubContext } from '../context';
import { listPppProjects, PPP_PROJECT_KIND, type PppProjectListArgs } from '../ppp/projectList';
import { attributeFields, disclosureFields, type DomainResolvers } from './disclosureFields';
import type { EntityView } from './entity';

/** A body as the project's attributes serve it: the code normalised, its validity not stored there. */
interface PppBody {
  name: string;
  uscc: string | null;
}

const usccValid = (body: PppBody): boolean => (body.uscc ? validateUscc(body.uscc).valid : false);

/** A body's entity: only a valid code links to one, exactly as a disclosure's subject does. */
async function bodyEntity(body: PppBody, ctx: HubContext): Promise<EntityView | null> {
  if (!body.uscc || !usccValid(body)) return null;
  const entity = await ctx.loaders.entity.load(validateUscc(body.uscc).normalized);
  return entity ? { uscc: entity.uscc, name: entity.name, usccValid: true } : null;
}

/** The PPP project library (PPP项目库). */
export const pppResolvers: DomainResolvers = {
  typesByKind: { [PPP_PROJECT_KIND]: 'PppProject' },
  resolvers: {
    Query: {
      pppProjects: (_: unknown, args: PppProjectListArgs, ctx: HubContext) => listPppProjects(ctx.knex, args),
    },
    PppProject: {
      ...disclosureFields,
      ...attributeFields(
        'projNo', 'stage', 'location', 'industry', 'totalInvestment', 'operateMode', 'returnMode', 'cooperationTermYears',
        'initiatedOn', 'demonstration', 'procurementMethod', 'governmentParticipation', 'implementingAgency', 'contractSignedOn', 'contact',
      ),
      partners: (row: { attributes?: { partners?: PppBody[] } }) => row.attributes?.partners ?? [],
    },
    PppBody: {
      usccValid,
      entity: (body: PppBody, _: unknown, ctx: HubContext) => bodyEntity(body, ctx),
    },
    PppProjectConnection: { totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount() },
  },
};
