import type { DomainResolvers } from './disclosureFields';

/** Enterprise credit publicity (信用信息公示): licences, penalties, abnormal operations, serious violations. */
export const creditResolvers: DomainResolvers = {
  typesByKind: {},
  resolvers: {},
};
