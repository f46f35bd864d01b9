import type { Knex } from 'knex';
import type { HubContext } from '../context';
import { requireAdmin } from './auth';
import { badInput } from '../shared/badInput';
import { pageSize } from '../shared/pageSize';
import { discardQuarantined, listQuarantine } from '../../sync/quarantineAdmin';
import { servedSyncRun } from './servedSyncRun';

/** Which quarantine entries a mutation acts on: by id, or every open entry of a stream. */
interface QuarantineSelection {
  ids?: string[] | null;
  stream?: string | null;
}

interface ListArgs {
  stream?: string;
  status?: string;
  first?: number;
}

async function syncRuns(knex: Knex, narrow: (q: Knex.QueryBuilder) => void) {
  const q = knex('sync_runs');
  narrow(q);
  return (await q.select('*')).map(servedSyncRun);
}

/**
 * Admin fields: each checks the bearer token first, before touching anything. They use the primary
 * (ctx.primary): a run or a quarantine entry just written may not have reached a read replica yet.
 */
export const adminResolvers = {
  Query: {
    syncRuns: async (_: unknown, args: ListArgs, ctx: HubContext) => {
      requireAdmin(ctx.admin);
      return syncRuns(ctx.primary, (q) => {
        q.orderBy('id', 'desc').limit(pageSize(args.first));
        if (args.stream) q.where('stream', args.stream);
        if (args.status) q.where('status', args.status);
      });
    },
    quarantine: async (_: unknown, args: ListArgs, ctx: HubContext) => {
      requireAdmin(ctx.admin);
      return listQuarantine(ctx.primary, { stream: args.stream, status: args.status ?? 'open', limit: pageSize(args.first) });
    },
  },
  Mutation: {
    triggerSync: async (_: unknown, args: { streams?: string[]; full?: boolean }, ctx: HubContext) => {
      requireAdmin(ctx.admin);
      // The sync service's refusals (an unknown stream: it names the known ones) are the caller's to fix.
      const summaries = await ctx.sync.run(args.streams ?? [], Boolean(args.full)).catch((error: Error) => {
        throw badInput(error.message);
      });
      const ids = summaries.map((s) => s.runId).filter((id): id is number => id !== undefined);
      return syncRuns(ctx.primary, (q) => q.whereIn('id', ids).orderBy('id'));
    },
    replayQuarantined: async (_: unknown, args: QuarantineSelection, ctx: HubContext) => {
      requireAdmin(ctx.admin);
      return ctx.sync.replay(selectionOf(args));
    },
    discardQuarantined: async (_: unknown, args: QuarantineSelection, ctx: HubContext) => {
      requireAdmin(ctx.admin);
      const selection = selectionOf(args);
      if (!selection.ids?.length && !selection.stream) throw badInput('name the entries to discard: ids, or a stream for all its open entries');
      return discardQuarantined(ctx.primary, selection);
    },
  },
};

/**
 * Ids arrive as GraphQL IDs (text). One that is not an entry id as `quarantine` lists them (a
 * positive whole number within bigint range) is the caller's mistake, said as such rather than
 * dropped or passed to the database to fail there.
 */
function selectionOf(args: QuarantineSelection) {
  const ids = (args.ids ?? []).map((id) => {
    const n = /^\d{1,16}$/.test(id) ? Number(id) : NaN;
    if (!Number.isSafeInteger(n) || n <= 0) throw badInput(`"ids" must be quarantine entry ids as the quarantine query lists them, got ${JSON.stringify(id.slice(0, 40))}`);
    return n;
  });
  return { ids, stream: args.stream ?? undefined };
}
