import DataLoader from 'dataloader';
import type { HubContext } from '../context';
import { noticesByCode, summariesByCode, type ProcessSummary } from './processQueries';

export interface TradingLoaders {
  /** A process's notices, oldest first: one query for every process a request touches. */
  notices: DataLoader<string, any[]>;
  /** A process's summary (stage, times, counts): one grouped query per request. */
  process: DataLoader<string, ProcessSummary | null>;
}

/**
 * Per-request loaders of the trading domain, made on first use and kept with the request's
 * context, so they live and die with the request exactly as the context's own loaders do.
 */
const byContext = new WeakMap<HubContext, TradingLoaders>();

export function tradingLoaders(ctx: HubContext): TradingLoaders {
  let loaders = byContext.get(ctx);
  if (!loaders) {
    loaders = createTradingLoaders(ctx);
    byContext.set(ctx, loaders);
  }
  return loaders;
}

function createTradingLoaders(ctx: HubContext): TradingLoaders {
  return {
    notices: new DataLoader(async (codes) => {
      const byCode = await noticesByCode(ctx.knex, codes);
      return codes.map((code) => byCode.get(code) ?? []);
    }),
    process: new DataLoader(async (codes) => {
      const byCode = await summariesByCode(ctx.knex, codes);
      return codes.map((code) => byCode.get(code) ?? null);
    }),
  };
}
