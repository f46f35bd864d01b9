/** The kinds of query the soak's mix sends, each tallied on its own (requestMix.ts builds them). */
export const QUERY_KINDS = ['newest', 'domain', 'profile', 'search', 'trading', 'ppp', 'air'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];
