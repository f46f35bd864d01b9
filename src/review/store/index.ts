/**
 * The review store (保密审查): what the engine calls while writing a page (settleReviewedRows), and
 * what the admin surfaces call to list, decide, audit and count (the GraphQL API, the CLI, status
 * and metrics). Statuses, decisions and records are declared in ../contract.ts.
 */
export { settleReviewedRows, type SettleOptions, type SettledPage } from './settle';
export { listReviewItems, reviewItem, reviewItemCursor, ReviewQueryError, type ReviewQueueQuery, type ReviewQueuePage } from './queue';
export { decideReview, ReviewDecisionError, type DecisionRequest } from './decide';
export { recordRefusedDecision, readAudit, type RefusedAttempt, type AuditQuery } from './audit';
export { reviewSummary, type ReviewSummary } from './summary';
