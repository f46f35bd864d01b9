import type { RunningHub } from '../../src/hub';
import { BACKENDS } from '../helpers/testDatabase';
import { startTestHub, HUB_START_TIMEOUT_MS, type TestHub } from '../helpers/hub';
import { CURSOR_REFUSED } from '../helpers/clientMistakes';
import { graphql } from '../helpers/graphql';
import { portalQueries } from '../helpers/portalQueries';
import { statementsBuiltEveryTime } from '../../src/db/compiledOnce';
import { untemplatableShapes } from '../../src/db/inputTemplates';

/**
 * With the response cache off, a query Apollo has answered cleanly once is answered again by
 * running its document directly (src/server/acceptedQueries.ts). Every answer must be the one
 * Apollo gives: the same status, Content-Type, Cache-Control and bytes. A query text with one more
 * comment at the end that no request had before is a text the hub has not seen, so Apollo answers
it: that is the reference.
 */
const ADMIN_TOKEN = 'direct-queries-token-51c3';

interface Answer {
  status: number;
  contentType: string | null;
  cacheControl: string | null;
  retryAfter: string | null;
  body: string;
}

const PORTAL_QUERIES: Array<{ name: string; query: string; variables?: Record<string, unknown> }> = [
  {
    name: 'the newest page with its subject and count',
    query: `query Newest($first: Int) { disclosures(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id domain kind title publishedAt subject { uscc name } } } } }`,
    variables: { first: 7 },
  },
  {
    name: 'a domain page with domain fields',
    query: `query Domain($domain: Domain) { disclosures(first: 5, filter: { domain: $domain }) { totalCount edges { node { id title ... on AirQualityReport { station { code name } aqi { aqi level } } } } } }`,
    variables: { domain: 'ENVIRONMENT' },
  },
  {
    name: 'a search page',
    query: `query Search($text: String!) { disclosures(first: 5, search: $text) { totalCount edges { node { id title } } } }`,
    variables: { text: '大庆' },
  },
  {
    name: 'an enterprise page',
    query: `query Profile($uscc: String!) { entity(uscc: $uscc) { name disclosureCounts { domain count } creditSummary { penaltyCount penaltyTotalFine } disclosures(first: 10) { edges { node { id title } } } } }`,
    variables: { uscc: 'BUSIEST' },
  },
  {
    name: 'an enterprise page with its total, as the portal asks for it',
    query: `query ProfileTotal($uscc: String!) { entity(uscc: $uscc) { name disclosures(first: 20) { totalCount pageInfo { hasNextPage endCursor } edges { node { id title subject { name } } } } } }`,
    variables: { uscc: 'BUSIEST' },
  },
  {
    name: 'a page of trading processes',
    query: `query Processes($stage: TradingProcessStage) { tradingProcesses(first: 20, stage: $stage) { edges { node { projectCode lotCode projectName stage noticeCount lastNoticeAt } } } }`,
    variables: { stage: null },
  },
  {
    name: 'an operation picked by name among two',
    query: `query A { disclosures(first: 2) { edges { node { id } } } } query B { disclosures(first: 3) { edges { node { title publishedAt } } } }`,
  },
];

describe.each(BACKENDS)('direct answers of accepted queries on %s', (backend) => {
  let running: TestHub;
  let hub: RunningHub;

  beforeAll(async () => {
    running = await startTestHub(backend, { HUB_RESPONSE_CACHE: 'off', HUB_ADMIN_TOKEN: ADMIN_TOKEN });
    hub = running.hub;
  }, HUB_START_TIMEOUT_MS);
  afterAll(() => running?.stop());

  const post = async (body: object, headers: Record<string, string> = {}): Promise<Answer> => {
    const response = await fetch(`${hub.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      cacheControl: response.headers.get('cache-control'),
      retryAfter: response.headers.get('retry-after'),
      body: await response.text(),
    };
  };
  const directCount = async () => {
    const text = await (await fetch(`${hub.url}/metrics`)).text();
    return Number(/^hub_graphql_direct_queries_total (\d+)$/m.exec(text)?.[1]);
  };
  let references = 0;
  /** Sends `body` with its query as Apollo first met it, then as a text Apollo has not seen. */
  const directAndApollo = async (body: { query: string; [key: string]: unknown }, headers: Record<string, string> = {}) => {
    const direct = await post(body, headers);
    const apollo = await post({ ...body, query: `${body.query}\n# reference ${++references}` }, headers);
    return { direct, apollo };
  };

  /** An enterprise some of the newest credit disclosures are about, for the enterprise page. */
  let busiest: string;
  beforeAll(async () => {
    const { body } = await graphql(hub.url, `{ disclosures(first: 50, filter: { domain: CREDIT }) { edges { node { subject { uscc } } } } }`);
    busiest = body.data.disclosures.edges.map((e: any) => e.node.subject?.uscc).find(Boolean);
  });
  const withBusiest = (variables?: Record<string, unknown>) => (variables?.uscc === 'BUSIEST' ? { ...variables, uscc: busiest } : variables);

  test.each(PORTAL_QUERIES)('$name: the second answer is direct and the same as Apollo’s', async ({ query, variables: given }) => {
    const operationName = query.startsWith('query A') ? 'B' : undefined;
    const variables = withBusiest(given);
    const body = { query, variables, operationName };
    const first = await post(body);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body).errors).toBeUndefined();
    expect(JSON.stringify(JSON.parse(first.body).data)).toMatch(/"(id|projectCode|title)"/);
    const before = await directCount();
    const { direct, apollo } = await directAndApollo(body);
    expect(await directCount()).toBe(before + 1);
    expect(direct).toEqual(first);
    expect(direct).toEqual(apollo);
    expect(direct.cacheControl).toMatch(/^max-age=\d+, public$/);
  });

  /**
   * The portal's own operations, as portal/js/queries.js sends them: fragments over every kind,
   * the code check beside the profile, a process's notices, a PPP project's revisions. Each
   * answered directly must be byte for byte Apollo's (graphql-js's), once the age of the boards'
   * data, a second apart between two requests, is set aside.
   */
  test('every operation the portal sends is answered directly as Apollo answers it', async () => {
    const sent = portalQueries();
    const { body: processes } = await graphql(hub.url, `{ tradingProcesses(first: 1) { edges { node { projectCode lotCode } } } }`);
    const { body: ppp } = await graphql(hub.url, `{ pppProjects(first: 1) { edges { node { id } } } }`);
    const { projectCode: code, lotCode: lot } = processes.data.tradingProcesses.edges[0].node;
    const pppId = ppp.data.pppProjects.edges[0].node.id;
    const variablesOf: Record<string, Array<Record<string, unknown>>> = {
      SEARCH_QUERY: [{ first: 20 }, { first: 20, search: '大庆' }, { first: 20, filter: { domain: 'CREDIT' } }, { first: 20, filter: { domain: 'ENVIRONMENT' } }],
      AIR_QUERY: [{}],
      PROFILE_QUERY: [{ uscc: busiest, first: 10 }, { uscc: '91230600MA1234567X', first: 10 }],
      ENTITY_DISCLOSURES_QUERY: [{ uscc: busiest, first: 20, filter: { domain: 'CREDIT' } }],
      FORECASTS_QUERY: [{ first: 20 }],
      WARNINGS_QUERY: [{ first: 20 }],
      WATER_QUERY: [{ first: 20 }, { first: 20, belowTarget: true }],
      PROCESSES_QUERY: [{ first: 20 }, { first: 20, stage: 'AWARD' }],
      PROCESS_QUERY: [{ code, lot }],
      PPP_PROJECTS_QUERY: [{ first: 20 }],
      PPP_PROJECT_QUERY: [{ id: pppId }],
    };
    expect(Object.keys(variablesOf).sort()).toEqual(Object.keys(sent).sort());
    const ageless = (answer: Answer) => ({ ...answer, body: answer.body.replace(/"seconds":\d+/g, '"seconds":0') });
    const before = await directCount();
    let answered = 0;
    for (const [name, cases] of Object.entries(variablesOf)) {
      for (const variables of cases) {
        const body = { query: sent[name], variables };
        const first = await post(body);
        expect({ name, variables, errors: JSON.parse(first.body).errors }).toEqual({ name, variables, errors: undefined });
        const { direct, apollo } = await directAndApollo(body);
        expect({ name, variables, ...ageless(direct) }).toEqual({ name, variables, ...ageless(apollo) });
        answered++;
      }
    }
    // Each case's second request was direct, and so was the first of each operation's later cases:
    // Apollo had accepted its text with the first case's variables.
    expect(await directCount()).toBe(before + answered + (answered - Object.keys(variablesOf).length));
  });

  test('a statement built once per query text answers every enterprise, word and domain with its own rows', async () => {
    const { body } = await graphql(hub.url, `{ disclosures(first: 100) { edges { node { title subject { uscc } } } } }`);
    const edges = body.data.disclosures.edges as Array<{ node: { title: string; subject: { uscc: string } | null } }>;
    const codes = [...new Set(edges.map((e) => e.node.subject?.uscc).filter(Boolean))].slice(0, 4);
    const words = [...new Set(edges.flatMap((e) => e.node.title.match(/[\u4e00-\u9fff]{2}/g) ?? []))].slice(0, 4);
    expect(codes.length).toBeGreaterThan(2);
    expect(words.length).toBeGreaterThan(2);
    const byQuery = (name: string) => PORTAL_QUERIES.find((q) => q.name === name)!.query;
    const cases = [
      ...codes.map((uscc) => ({ query: byQuery('an enterprise page'), variables: { uscc } })),
      ...codes.map((uscc) => ({ query: byQuery('an enterprise page with its total, as the portal asks for it'), variables: { uscc } })),
      ...words.map((text) => ({ query: byQuery('a search page'), variables: { text } })),
      ...['CREDIT', 'TRADING', 'ENVIRONMENT'].map((domain) => ({ query: byQuery('a domain page with domain fields'), variables: { domain } })),
      ...['TENDER', 'AWARD', 'CONTRACT', null].map((stage) => ({ query: byQuery('a page of trading processes'), variables: { stage } })),
    ];
    const answers = new Map<string, string>();
    for (const request of cases) {
      const { direct, apollo } = await directAndApollo(request);
      expect(JSON.parse(direct.body).errors).toBeUndefined();
      expect(direct).toEqual(apollo);
      answers.set(JSON.stringify(request), direct.body);
    }
    // Each enterprise and each domain its own page (two words may well share their hits).
    const pages = cases.filter((c) => !('text' in c.variables) && !('stage' in c.variables)).map((c) => answers.get(JSON.stringify(c)));
    expect(new Set(pages).size).toBe(pages.length);
    // Each stage's processes, and only those.
    const stages = cases.filter((c) => 'stage' in c.variables).map((c) => [(c.variables as { stage: string | null }).stage, JSON.parse(answers.get(JSON.stringify(c))!).data.tradingProcesses.edges.map((e: any) => e.node.stage)]);
    for (const [stage, shown] of stages.filter(([stage]) => stage)) expect(shown.every((s: string) => s === stage)).toBe(true);
    expect(new Set(stages.map(([, shown]) => shown.join())).size).toBe(stages.length);
    for (const text of words) {
      const { body: found } = await post({ query: byQuery('a search page'), variables: { text } });
      expect(JSON.parse(found).data.disclosures.edges[0].node.title).toContain(text);
    }
  });

  test('other variables of an accepted query are answered directly, and the same as Apollo’s', async () => {
    const [{ query }] = PORTAL_QUERIES;
    await post({ query, variables: { first: 1 } });
    const before = await directCount();
    for (const first of [2, 13, 40]) {
      const { direct, apollo } = await directAndApollo({ query, variables: { first } });
      expect(direct).toEqual(apollo);
      expect(JSON.parse(direct.body).data.disclosures.edges).toHaveLength(first);
    }
    expect(await directCount()).toBe(before + 3);
  });

  test('each Accept header Apollo knows gets its Content-Type; any other is left to Apollo’s negotiation', async () => {
    const [{ query, variables }] = PORTAL_QUERIES;
    await post({ query, variables });
    for (const accept of ['application/json', '*/*', 'application/graphql-response+json', 'application/graphql-response+json, application/json;q=0.9', 'text/html']) {
      const { direct, apollo } = await directAndApollo({ query, variables }, { accept });
      expect({ accept, ...direct }).toEqual({ accept, ...apollo });
    }
    expect((await post({ query, variables }, { accept: 'text/html' })).status).toBe(406);
    expect((await post({ query, variables }, { accept: 'application/graphql-response+json' })).contentType).toBe('application/graphql-response+json; charset=utf-8');
  });

  test('an accepted query that fails this time is answered by Apollo: the same error, status and headers', async () => {
    const query = `query Page($after: String) { disclosures(first: 3, after: $after) { edges { node { id } } } }`;
    expect(JSON.parse((await post({ query })).body).errors).toBeUndefined();
    const before = await directCount();
    const cases: Array<Record<string, unknown>> = [
      { after: 'not-a-cursor' }, // refused by the resolver: 200 with an error
      { after: 42 }, // a variable of the wrong type: 400
    ];
    for (const variables of cases) {
      const { direct, apollo } = await directAndApollo({ query, variables });
      expect(direct).toEqual(apollo);
      expect(direct.cacheControl).toBe('no-store');
    }
    const refused = await post({ query, variables: cases[0] });
    expect(JSON.parse(refused.body).errors[0].message).toMatch(CURSOR_REFUSED);
    expect((await post({ query, variables: cases[1] })).status).toBe(400);
    expect(await directCount()).toBe(before);
  });

  test('an admin query accepted with a token answers a request without one as Apollo does: refused', async () => {
    const query = `{ syncRuns(first: 1) { stream status } }`;
    const withToken = await post({ query }, { authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(JSON.parse(withToken.body).errors).toBeUndefined();
    expect(withToken.cacheControl).toBe('no-store');
    const again = await post({ query }, { authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(again).toEqual(withToken);
    const { direct, apollo } = await directAndApollo({ query });
    expect(direct).toEqual(apollo);
    expect(JSON.parse(direct.body).errors[0].extensions.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
    expect(JSON.parse(direct.body).data).toBeNull();
  });

  test('mutations and persisted-query requests always go through Apollo', async () => {
    const mutation = `mutation { discardQuarantined(ids: ["999999999"]) }`;
    const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const [{ query, variables }] = PORTAL_QUERIES;
    await post({ query, variables });
    const before = await directCount();
    for (let i = 0; i < 2; i++) expect(JSON.parse((await post({ query: mutation }, admin)).body)).toEqual({ data: { discardQuarantined: 0 } });
    const withExtensions = await post({ query, variables, extensions: {} });
    expect(JSON.parse(withExtensions.body).errors).toBeUndefined();
    expect(await directCount()).toBe(before);
  });

  test('the statements of the portal’s pages are built once per shape, none anew on every request', async () => {
    for (const { query, variables } of PORTAL_QUERIES) await post({ query, variables: withBusiest(variables), operationName: query.startsWith('query A') ? 'B' : undefined });
    expect(statementsBuiltEveryTime()).toEqual([]);
    expect(untemplatableShapes()).toEqual([]);
  });

  test('direct answers are timed with every other operation', async () => {
    const operations = async () => {
      const text = await (await fetch(`${hub.url}/metrics`)).text();
      return Number(/^hub_graphql_operation_duration_seconds_count\{operation="query",outcome="ok"\} (\d+)$/m.exec(text)?.[1]);
    };
    const [{ query, variables }] = PORTAL_QUERIES;
    await post({ query, variables });
    const [before, directBefore] = [await operations(), await directCount()];
    for (let i = 0; i < 3; i++) await post({ query, variables });
    expect(await directCount()).toBe(directBefore + 3);
    expect(await operations()).toBe(before + 3);
  });
});
