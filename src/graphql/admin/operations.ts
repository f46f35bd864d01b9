import type { HubContext } from '../context';
import { requireAdmin } from './auth';
import { pageSize } from '../shared/pageSize';
import { servedFeeds, type ServedFeed } from '../feeds/feeds';
import { upcomingFires } from '../../sync/cronTimes';
import { streamRunLoaders, type StreamRunLoaders } from './streamRunLoaders';
import { runHistory } from './runHistory';

/** A stream entry of the operations view: its public feed, and the request's shared loaders. */
interface StreamEntry {
  feed: ServedFeed;
  loaders: StreamRunLoaders;
}

/**
 * The operations view (运维概览) behind the admin token. The token is checked once, on
 * `operations`: everything below it is reachable only through that field.
 */
export const operationsResolvers = {
  Query: {
    operations: (_: unknown, __: unknown, ctx: HubContext) => {
      requireAdmin(ctx.admin);
      return {};
    },
  },
  Operations: {
    streams: async (_: unknown, __: unknown, ctx: HubContext): Promise<StreamEntry[]> => {
      const feeds = await servedFeeds(ctx.knex, ctx.sync.connectors);
      const loaders = streamRunLoaders(ctx.knex, feeds.map((f) => f.name));
      return feeds.map((feed) => ({ feed, loaders }));
    },
    runHistory: (_: unknown, args: { days: number; stream?: string | null }, ctx: HubContext) => runHistory(ctx.knex, args.days, args.stream),
  },
  StreamOperations: {
    nextFire: ({ feed }: StreamEntry) => (feed.schedule ? (upcomingFires(feed.schedule, 1)[0] ?? null) : null),
    lastRuns: ({ feed, loaders }: StreamEntry, args: { first?: number }) => loaders.lastRuns(feed.name, pageSize(args.first)),
    openQuarantine: ({ feed, loaders }: StreamEntry) => loaders.openQuarantine(feed.name),
    lastFailure: ({ feed, loaders }: StreamEntry) => loaders.lastFailure(feed.name),
  },
};
