import type { HubContext } from '../context';
import { requireAdmin } from '../admin/auth';
import { badInput } from '../shared/badInput';
import { pageSize } from '../shared/pageSize';
import {
  decideReview,
  listReviewItems,
  readAudit,
  reviewItem,
  reviewItemCursor,
  reviewSummary,
  ReviewDecisionError,
  ReviewQueryError,
} from '../../review/store';
import type { ReviewDecision, ReviewItemRecord, ReviewStatus } from '../../review/contract';
import { reviewEnums } from './enums';
import { auditRefusedAttempt } from './refusal';
import { publishedDisclosure } from './published';
import { servedStats } from './stats';

interface QueueArgs {
  status?: ReviewStatus | null;
  stream?: string | null;
  first?: number | null;
  after?: string | null;
}

export interface DecideArgs {
  id: string;
  decision: ReviewDecision;
  basis: string;
  redactFields?: string[] | null;
}

/**
 * The review (保密审查) behind the admin tokens. Every root field checks the token first; a
 * decision attempted without a valid one is refused and recorded in the audit log. Reads and
 * decisions go to the primary: an item just held or decided may not be on a read replica yet.
 */
export const reviewResolvers = {
  ...reviewEnums,
  Query: {
    reviewQueue: async (_: unknown, args: QueueArgs, ctx: HubContext) => {
      requireAdmin(ctx.admin);
      const first = pageSize(args.first);
      // The store pages by at least one item: a page of none still says whether any follow.
      const page = await listReviewItems(ctx.primary, {
        status: args.status ?? 'held',
        stream: args.stream ?? undefined,
        first: Math.max(first, 1),
        after: args.after ?? undefined,
      }).catch(userMistake);
      const items = page.items.slice(0, first);
      return {
        edges: items.map((node) => ({ cursor: reviewItemCursor(node), node })),
        pageInfo: { hasNextPage: first === 0 ? page.items.length > 0 : page.hasNextPage, endCursor: first === 0 ? (args.after ?? null) : page.endCursor },
        totalCount: page.totalCount,
      };
    },
    reviewItem: async (_: unknown, args: { id: string }, ctx: HubContext) => {
      requireAdmin(ctx.admin);
      return reviewItem(ctx.primary, itemId(args.id));
    },
    reviewStats: async (_: unknown, __: unknown, ctx: HubContext) => {
      requireAdmin(ctx.admin);
      return servedStats(await reviewSummary(ctx.primary), new Date());
    },
    reviewAudit: async (_: unknown, args: { itemId?: string | null; first?: number | null }, ctx: HubContext) => {
      requireAdmin(ctx.admin);
      const itemIdGiven = args.itemId === null || args.itemId === undefined ? undefined : itemId(args.itemId, 'itemId');
      return readAudit(ctx.primary, { itemId: itemIdGiven, first: pageSize(args.first) });
    },
  },
  Mutation: {
    decideReview: async (_: unknown, args: DecideArgs, ctx: HubContext) => {
      if (ctx.admin.state !== 'granted') {
        await auditRefusedAttempt(ctx, args, { actor: null, reason: tokenRefusal(ctx.admin.state) });
        requireAdmin(ctx.admin);
      }
      const actor = requireAdmin(ctx.admin);
      const id = parseItemId(args.id);
      if (id === undefined) {
        // The store records the refusals of the ids it is given; one that cannot be an id is
        // refused here, and recorded the same way, so every attempt an admin made is in the log.
        const message = notAnItemId('id', args.id);
        await auditRefusedAttempt(ctx, args, { actor, reason: message });
        throw badInput(message);
      }
      const decided = await decideReview(ctx.primary, { id, decision: args.decision, basis: args.basis, redactFields: args.redactFields, actor, via: 'graphql' }).catch(
        userMistake,
      );
      // Approve and redact put a record on every public surface, withhold takes one off: answers
      // cached before must not be served again.
      ctx.publicChanged();
      return decided;
    },
  },
  ReviewItem: {
    disclosure: (item: ReviewItemRecord, _: unknown, ctx: HubContext) => (item.publishedId === null ? null : publishedDisclosure(ctx, item.publishedId)),
    content: (item: ReviewItemRecord) => item.row,
  },
};

/** The store's refusals (an unknown or decided item, no basis, a field not in the row) are the caller's to fix. */
function userMistake(error: unknown): never {
  if (error instanceof ReviewDecisionError || error instanceof ReviewQueryError) throw badInput(error.message);
  throw error;
}

/** Item ids as reviewQueue lists them: positive whole numbers within bigint range. */
function parseItemId(id: string): number | undefined {
  const n = /^\d{1,16}$/.test(id) ? Number(id) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

function notAnItemId(argument: string, id: string): string {
  return `"${argument}" must be a review item id as reviewQueue lists them, got ${JSON.stringify(id.slice(0, 40))}`;
}

function itemId(id: string, argument = 'id'): number {
  const n = parseItemId(id);
  if (n === undefined) throw badInput(notAnItemId(argument, id));
  return n;
}

/** Why an attempt without a valid admin token was refused, as the audit log says it. */
function tokenRefusal(state: 'missing' | 'wrong' | 'disabled'): string {
  if (state === 'missing') return 'no admin token: the request had no "Authorization: Bearer <token>" header';
  if (state === 'wrong') return 'a wrong admin token: the bearer token is none of HUB_ADMIN_TOKENS or HUB_ADMIN_TOKEN';
  return 'admin operations are disabled: neither HUB_ADMIN_TOKENS nor HUB_ADMIN_TOKEN is set';
}
