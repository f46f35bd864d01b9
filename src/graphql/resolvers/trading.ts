import type { DomainResolvers } from './disclosureFields';

/** Public resource trading (公共资源交易): notices, and contracting processes derived from them. */
export const tradingResolvers: DomainResolvers = {
  typesByKind: {},
  resolvers: {},
};
