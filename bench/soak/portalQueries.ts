/**
 * The operations the soak sends: the portal's own (portal/js/queries.js, read here so the soak
 * sends what browsers send and follows the portal when it changes), and a page of trading
 * processes and of PPP projects, which the portal does not list yet but partners' pages do.
 */

// The portal's module is plain JavaScript for browsers; tsx loads it, tsc has no types for it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const portal = require('../../portal/js/queries.js') as { SEARCH_QUERY: string; PROFILE_QUERY: string; AIR_QUERY: string };

/** The home page, a domain's page and a search page: 20 cards with the total. */
export const SEARCH_QUERY = portal.SEARCH_QUERY;
/** The enterprise page. */
export const PROFILE_QUERY = portal.PROFILE_QUERY;
/** The air-quality board. */
export const AIR_QUERY = portal.AIR_QUERY;

/** The portal's page size. */
export const PAGE_SIZE = 20;

export const TRADING_QUERY = `query TradingProcesses($first: Int, $stage: TradingProcessStage) {
  tradingProcesses(first: $first, stage: $stage) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { projectCode projectName stage tradeType { name } buyer { name } noticeCount contractValue { amountWan } lastNoticeAt } }
  }
}`;

export const PPP_QUERY = `query PppProjects($first: Int, $stage: String) {
  pppProjects(first: $first, stage: $stage) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id title projNo stage { code name } location { city district } totalInvestment operateMode { name } returnMode { name } initiatedOn } }
  }
}`;

/** The stages a trading list can be filtered by (schema/trading.graphql, TradingProcessStage). */
export const TRADING_STAGES = ['TENDER', 'QUALIFICATION', 'AWARD', 'CONTRACT', 'IMPLEMENTATION', 'CANCELLED'];
/** The PPP library's stage codes: 识别, 准备, 采购, 执行, 移交. */
export const PPP_STAGES = ['0', '1', '2', '3', '4'];
/** The domains the portal's filter buttons offer. */
export const DOMAINS = ['CREDIT', 'TRADING', 'PPP', 'ENVIRONMENT'];
