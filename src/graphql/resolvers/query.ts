import { GraphQLError } from 'graphql';
import { normalizeUscc } from '../../domain/uscc';
import type { HubContext } from '../context';
import { listDisclosures, DISCLOSURE_COLUMNS, type DisclosureListArgs } from '../queries/disclosureList';
import { listEntities } from '../queries/entityList';
import { disclosureStats } from '../queries/stats';
import type { EntityView } from './entity';

export const queryResolvers = {
  Query: {
    disclosures: (_: unknown, args: DisclosureListArgs, ctx: HubContext) => listDisclosures(ctx.knex, args),

    disclosure: async (_: unknown, { id }: { id: string }, ctx: HubContext) => {
      if (!/^\d{1,18}$/.test(id)) {
        throw new GraphQLError(`"${id}" is not a disclosure id (ids are numbers, as the API gives them)`, {
          extensions: { code: 'BAD_USER_INPUT' },
        });
      }
      return ctx.knex('disclosures as d').where('d.id', id).first(DISCLOSURE_COLUMNS) ?? null;
    },

    entity: async (_: unknown, { uscc }: { uscc: string }, ctx: HubContext): Promise<EntityView | null> => {
      const code = normalizeUscc(uscc);
      const entity = await ctx.loaders.entity.load(code);
      if (entity) return { uscc: entity.uscc, name: entity.name, usccValid: true };
      // Codes that fail their check are kept on the disclosures that carry them.
      const flagged = await ctx.knex('disclosures').where({ subject_uscc: code }).first('subject_name', 'subject_uscc_reason');
      return flagged ? { uscc: code, name: flagged.subject_name ?? '', usccValid: false, usccReason: flagged.subject_uscc_reason } : null;
    },

    entities: (_: unknown, args: { search?: string; first?: number; after?: string }, ctx: HubContext) => listEntities(ctx.knex, args),

    stats: (_: unknown, args: Parameters<typeof disclosureStats>[1], ctx: HubContext) => disclosureStats(ctx.knex, args),
  },
  DisclosureConnection: { totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount() },
  EntityConnection: { totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount() },
};
