import { requestBody } from '../api/load';
import { answeredCleanly } from './graphqlAnswer';
import { AIR_QUERY, DOMAINS, PAGE_SIZE, PPP_QUERY, PPP_STAGES, PROFILE_QUERY, SEARCH_QUERY, TRADING_QUERY, TRADING_STAGES } from './portalQueries';
import { QUERY_KINDS, type QueryKind } from './queryKinds';
import type { Variety } from './variety';

/**
 * Requests per hundred of each kind: the home page, enterprise pages and searches most, as on a
 * portal; the air board polls every five minutes per open page.
 */
export const WEIGHTS: Record<QueryKind, number> = { newest: 20, domain: 15, profile: 20, search: 20, trading: 10, ppp: 5, air: 10 };

/** Pages of the newest and of each domain's list that visitors reach with 更多 (the portal's "more"). */
const PAGES = 3;

/** The bodies the load sends, one drawn per request: a kind by weight, then one of its variants. */
export class RequestMix {
  private readonly totalWeight = QUERY_KINDS.reduce((sum, kind) => sum + WEIGHTS[kind], 0);
  private sent = emptyCounts();

  constructor(readonly bodies: Readonly<Record<QueryKind, string[]>>) {}

  next(): { kind: QueryKind; body: string } {
    const kind = this.drawKind();
    this.sent[kind]++;
    const variants = this.bodies[kind];
    return { kind, body: variants[Math.floor(Math.random() * variants.length)] };
  }

  /** Requests built per kind since the last call (a run's last few may have gone unanswered). */
  takeSent(): Record<QueryKind, number> {
    const sent = this.sent;
    this.sent = emptyCounts();
    return sent;
  }

  variantCounts(): Record<QueryKind, number> {
    return Object.fromEntries(QUERY_KINDS.map((kind) => [kind, this.bodies[kind].length])) as Record<QueryKind, number>;
  }

  private drawKind(): QueryKind {
    let roll = Math.random() * this.totalWeight;
    for (const kind of QUERY_KINDS) {
      roll -= WEIGHTS[kind];
      if (roll < 0) return kind;
    }
    return QUERY_KINDS[QUERY_KINDS.length - 1];
  }
}

/**
 * Builds the mix against a running hub: follows the newest and the domain lists' cursors for their
 * later pages, and checks that one request of every kind is answered with data and no errors, so
 * the load starts from requests known to work.
 */
export async function buildRequestMix(graphqlUrl: string, variety: Variety): Promise<RequestMix> {
  const domainPages: string[] = [];
  for (const domain of DOMAINS) domainPages.push(...(await listPages(graphqlUrl, { domain })));
  const bodies: Record<QueryKind, string[]> = {
    newest: await listPages(graphqlUrl, null),
    domain: domainPages,
    profile: variety.usccs.map((uscc) => body(PROFILE_QUERY, { uscc, first: PAGE_SIZE })),
    // A term alone, or within a domain, as the portal's filter buttons offer.
    search: variety.searchTerms.flatMap((search) => [null, ...DOMAINS].map((domain) => body(SEARCH_QUERY, { first: PAGE_SIZE, after: null, search, filter: domain && { domain } }))),
    trading: [null, ...TRADING_STAGES].map((stage) => body(TRADING_QUERY, { first: PAGE_SIZE, stage })),
    ppp: [null, ...PPP_STAGES].map((stage) => body(PPP_QUERY, { first: PAGE_SIZE, stage })),
    air: [body(AIR_QUERY, {})],
  };
  for (const kind of QUERY_KINDS) await answer(graphqlUrl, kind, bodies[kind][0]);
  return new RequestMix(bodies);
}

/** Up to PAGES pages of the portal's list, newest first, of one domain or (null) of all. */
async function listPages(graphqlUrl: string, filter: { domain: string } | null): Promise<string[]> {
  const pages: string[] = [];
  let after: string | null = null;
  while (pages.length < PAGES) {
    const page = body(SEARCH_QUERY, { first: PAGE_SIZE, after, search: null, filter });
    pages.push(page);
    const { disclosures } = (await answer(graphqlUrl, filter ? `${filter.domain} list` : 'newest list', page)) as { disclosures: Connection };
    if (!disclosures.pageInfo.hasNextPage) break;
    after = disclosures.pageInfo.endCursor;
  }
  return pages;
}

interface Connection {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** One request outside the load; its `data`, or an error saying what the hub answered instead. */
async function answer(graphqlUrl: string, what: string, requestBodyText: string): Promise<unknown> {
  const response = await fetch(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: requestBodyText });
  const text = await response.text();
  if (response.status !== 200 || !answeredCleanly(text)) throw new Error(`the hub answered the ${what} query with HTTP ${response.status}: ${text.slice(0, 500)}`);
  return (JSON.parse(text) as { data: unknown }).data;
}

const body = (query: string, variables: Record<string, unknown>) => requestBody({ query, variables });

const emptyCounts = () => Object.fromEntries(QUERY_KINDS.map((kind) => [kind, 0])) as Record<QueryKind, number>;
