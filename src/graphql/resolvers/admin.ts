import { GraphQLError } from 'graphql';
import type { HubContext } from '../context';
import { requireAdmin } from '../adminAuth';
import { pageSize } from '../limits';
import { discardQuarantined, listQuarantine } from '../../sync/quarantineAdmin';

interface Scope {
  ids?: string[] | null;
  stream?: string | null;
}

/** Admin fields: each checks the bearer token first, before touching anything. */
export const adminResolvers = {
  Query: {
    syncRuns: async (_: unknown, args: { stream?: string; status?: string; first?: number }, ctx: HubContext) => {
      requireAdmin(ctx.admin);
      const q = ctx.knex('sync_runs').orderBy('id', 'desc').limit(pageSize(args.first));
      if (args.stream) q.where('stream', args.stream);
      if (args.status) q.where('status', args.status);
      return q.select('*');
    },
    quarantine: async (_: unknown, args: { stream?: string; status?: string; first?: number }, ctx: HubContext) => {
      requireAdmin(ctx.admin);
      return listQuarantine(ctx.knex, { stream: args.stream, status: args.status ?? 'open', limit: pageSize(args.first) });
    },
  },
  Mutation: {
    triggerSync: async (_: unknown, args: { streams?: string[]; full?: boolean }, ctx: HubContext) => {
      requireAdmin(ctx.admin);
      const summaries = await ctx.sync.run(args.streams ?? [], Boolean(args.full)).catch((error: Error) => {
        throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } });
      });
      const ids = summaries.map((s) => s.runId).filter((id): id is number => id !== undefined);
      return ctx.knex('sync_runs').whereIn('id', ids).orderBy('id').select('*');
    },
    replayQuarantined: async (_: unknown, args: Scope, ctx: HubContext) => {
      requireAdmin(ctx.admin);
      return ctx.sync.replay(scope(args));
    },
    discardQuarantined: async (_: unknown, args: Scope, ctx: HubContext) => {
      requireAdmin(ctx.admin);
      const s = scope(args);
      if (!s.ids?.length && !s.stream) {
        throw new GraphQLError('name the entries to discard: ids, or a stream for all its open entries', { extensions: { code: 'BAD_USER_INPUT' } });
      }
      return discardQuarantined(ctx.knex, s);
    },
  },
  SyncRun: {
    startedAt: (r: any) => r.started_at,
    finishedAt: (r: any) => r.finished_at,
  },
};

function scope(args: Scope) {
  return { ids: (args.ids ?? []).map(Number).filter(Number.isInteger), stream: args.stream ?? undefined };
}
