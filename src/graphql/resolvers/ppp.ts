import type { DomainResolvers } from './disclosureFields';

/** The PPP project library (PPP项目库). */
export const pppResolvers: DomainResolvers = {
  typesByKind: {},
  resolvers: {},
};
