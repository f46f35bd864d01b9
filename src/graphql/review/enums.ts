import { AUDIT_CHANNELS, REVIEW_DECISIONS, REVIEW_STATUSES, RULE_CATEGORIES, type ReviewAuditEntry } from '../../review/contract';

/** What an audit line can record. */
const AUDIT_ACTIONS: ReadonlyArray<ReviewAuditEntry['action']> = [...REVIEW_DECISIONS, 'hold', 'refused'];

/** The GraphQL enum name of a contract value: 'state-secret' → STATE_SECRET. */
const enumName = (value: string) => value.toUpperCase().replace(/-/g, '_');

/**
 * An enum whose values stand for the contract's own (graphql-tools' internal values): arguments
 * reach the resolvers as the store writes them (`withhold`), and the store's records are served as
 * the schema names them (WITHHOLD), with no mapping in between.
 */
function contractEnum(values: readonly string[]): Record<string, string> {
  return Object.fromEntries(values.map((value) => [enumName(value), value]));
}

/** The review enums of schema/review.graphql, each bound to its list in src/review/contract.ts. */
export const reviewEnums = {
  ReviewStatus: contractEnum(REVIEW_STATUSES),
  ReviewDecision: contractEnum(REVIEW_DECISIONS),
  ReviewCategory: contractEnum(RULE_CATEGORIES),
  ReviewChannel: contractEnum(AUDIT_CHANNELS),
  ReviewAuditAction: contractEnum(AUDIT_ACTIONS),
};
