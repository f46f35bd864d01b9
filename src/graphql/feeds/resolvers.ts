import type { HubContext } from '../context';
import { servedFeeds } from './feeds';

/** 数据源时效: public, so a portal can say how fresh each feed's data is. */
export const feedResolvers = {
  Query: {
    feeds: (_: unknown, __: unknown, ctx: HubContext) => servedFeeds(ctx.knex, ctx.sync.connectors),
  },
};
