import type { IndexedFeed } from '../kit/feed';
import { accountFeed, BUDGET_YEARS, FINAL_ACCOUNT_YEARS, type AccountFeedSpec } from './accounts';

export const BUDGETS: AccountFeedSpec = { path: '/fiscal/budgets', kind: 'budget', years: BUDGET_YEARS };
export const FINAL_ACCOUNTS: AccountFeedSpec = { path: '/fiscal/final-accounts', kind: 'final', years: FINAL_ACCOUNT_YEARS };

/** The 预决算公开平台's feeds, in the order of the fiscal connector's streams. */
export const fiscalFeeds: readonly IndexedFeed[] = [accountFeed(BUDGETS), accountFeed(FINAL_ACCOUNTS)];
