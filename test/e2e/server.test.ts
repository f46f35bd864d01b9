import type { RunningHub } from '../../src/hub';
import { BACKENDS } from '../helpers/testDatabase';
import { startTestHub, HUB_START_TIMEOUT_MS, type TestHub } from '../helpers/hub';
import { graphql } from '../helpers/graphql';
import { answersOtherThanBadInput, callsWithAfter, callsWithEachStringArgument, CRAFTED_CURSORS, CURSOR_REFUSED, nulMessageFor } from '../helpers/clientMistakes';
import { countStatements } from '../helpers/statementCount';

const ADMIN_TOKEN = 'server-test-token-2b9e';
const FIRST_QUERY = `{ disclosures(first: 5) { totalCount edges { node { id domain title publishedAt } } } }`;

describe.each(BACKENDS)('hub serve on %s, over HTTP', (backend) => {
  let running: TestHub;
  let hub: RunningHub;

  beforeAll(async () => {
    // The admin token lets the argument probes below reach admin fields too.
    running = await startTestHub(backend, { HUB_ADMIN_TOKEN: ADMIN_TOKEN });
    hub = running.hub;
  }, HUB_START_TIMEOUT_MS);
  afterAll(() => running?.stop());

  test('/healthz and /readyz answer 200 once the hub is up', async () => {
    for (const path of ['/healthz', '/readyz']) {
      const response = await fetch(`${hub.url}${path}`);
      expect(response.status).toBe(200);
    }
  });

  test('the first query of the README returns air-quality disclosures from the start-up sync', async () => {
    const { status, body } = await graphql(hub.url, FIRST_QUERY);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const { totalCount, edges } = body.data.disclosures;
    expect(totalCount).toBeGreaterThan(1000);
    expect(edges).toHaveLength(5);
    for (const { node } of edges) {
      expect(node.title).toMatch(/\S/);
      expect(Date.parse(node.publishedAt)).not.toBeNaN();
    }
    const air = await graphql(hub.url, `{ disclosures(first: 5, filter: { kind: "air-quality-hourly" }) { totalCount edges { node { domain title } } } }`);
    expect(air.body.data.disclosures.totalCount).toBeGreaterThan(250);
    for (const { node } of air.body.data.disclosures.edges) {
      expect(node.domain).toBe('ENVIRONMENT');
      expect(node.title).toMatch(/空气质量 AQI \d+/);
    }
  });

  test('an air-quality report carries its AQI block, consistent with its concentrations', async () => {
    const { body } = await graphql(
      hub.url,
      `{ disclosures(first: 20, filter: { kind: "air-quality-hourly" }) { edges { node { ... on AirQualityReport {
          station { code name city } timePoint concentrations { pm25_24h pm10_24h }
          aqi { aqi level category color primaryPollutants exceedingPollutants iaqi healthEffect advice } } } } } }`,
    );
    const reports = body.data.disclosures.edges.map((e: any) => e.node);
    for (const r of reports) {
      expect(r.station.code).toMatch(/^\d{4}A$/);
      expect(r.aqi.aqi).toBe(Math.max(...(Object.values(r.aqi.iaqi) as number[])));
      expect(r.aqi.level).toBeGreaterThanOrEqual(1);
      expect(r.aqi.color).toMatch(/^#[0-9A-F]{6}$/i);
      if (r.aqi.aqi <= 50) expect(r.aqi.primaryPollutants).toEqual([]);
      else expect(r.aqi.primaryPollutants.length).toBeGreaterThan(0);
    }
  });

  test('paging with endCursor visits every disclosure exactly once', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const { body }: any = await graphql(
        hub.url,
        `query($after: String) { disclosures(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
        { after },
      );
      const page = body.data.disclosures;
      total = page.totalCount;
      for (const edge of page.edges) {
        expect(seen.has(edge.node.id)).toBe(false);
        seen.add(edge.node.id);
      }
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen.size).toBe(total);
  });

  test('filters, search and stats answer from stored rows', async () => {
    const { body } = await graphql(
      hub.url,
      `{ city: disclosures(first: 1, filter: { region: "齐齐哈尔市", kind: "air-quality-hourly" }) { totalCount edges { node { title } } }
         search: disclosures(first: 1, search: "齐齐哈尔", filter: { kind: "air-quality-hourly" }) { totalCount }
         stats(groupBy: REGION, filter: { kind: "air-quality-hourly" }) { key count } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.city.totalCount).toBeGreaterThan(0);
    expect(body.data.city.edges[0].node.title).toContain('齐齐哈尔市');
    expect(body.data.search.totalCount).toBe(body.data.city.totalCount);
    const buckets = body.data.stats;
    expect(buckets.find((b: any) => b.key === '齐齐哈尔市').count).toBe(body.data.city.totalCount);
  });

  test('bad input gets a clear error, not a crash', async () => {
    const oneTooMany = await graphql(hub.url, `{ disclosures(first: 101) { totalCount } }`);
    expect(oneTooMany.body.errors[0].message).toMatch(/"first" must be between 0 and 100/);
    const huge = await graphql(hub.url, `{ disclosures(first: 100000) { totalCount } }`);
    expect(huge.body.errors[0].message).toMatch(/limit/i);
    expect(huge.body.data ?? null).toBeNull();
    const badCursor = await graphql(hub.url, `{ disclosures(after: "nonsense") { totalCount } }`);
    expect(badCursor.body.errors[0].message).toMatch(/not a cursor/);
    const sqlish = await graphql(hub.url, `{ disclosures(search: "'; DROP TABLE disclosures; --") { totalCount } }`);
    expect(sqlish.body.data.disclosures.totalCount).toBe(0);
    const still = await graphql(hub.url, FIRST_QUERY);
    expect(still.body.data.disclosures.totalCount).toBeGreaterThan(0);
  });

  test('outside production too, a NUL in any string argument and a crafted cursor on any list are BAD_USER_INPUT without SQL text', async () => {
    const { body } = await graphql(hub.url, `{ entities(first: 1) { edges { node { uscc } } } }`);
    const uscc = body.data.entities.edges[0].node.uscc;
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
    expect(await answersOtherThanBadInput(hub.url, callsWithEachStringArgument('a\u0000b', uscc), nulMessageFor, auth)).toEqual([]);
    const problems: string[] = [];
    for (const [label, cursor] of Object.entries(CRAFTED_CURSORS)) {
      problems.push(...(await answersOtherThanBadInput(hub.url, callsWithAfter(cursor, uscc), () => CURSOR_REFUSED, auth)).map((p) => `${label}: ${p}`));
    }
    expect(problems).toEqual([]);
  });

  test('relations load through DataLoaders: SQL statements per request do not grow with page size', async () => {
    const statements = async (first: number) => {
      const { count, result: { body } } = await countStatements(hub.db.knex, () =>
        graphql(
          hub.url,
          `query($first: Int) { disclosures(first: $first, filter: { kind: "emission-result" }) { totalCount edges { node { id title subject { name usccValid } revisions { version } } } } }`,
          { first },
        ),
      );
      expect(body.errors).toBeUndefined();
      expect(body.data.disclosures.edges).toHaveLength(first);
      return count;
    };
    const small = await statements(5);
    const large = await statements(100);
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(4); // page, count, subjects, revisions: one each, whatever the page size
  });

  test('the portal pages are one statement each: a list with its subjects and count, an enterprise page with its profile and newest disclosures', async () => {
    const list = await countStatements(hub.db.knex, () =>
      graphql(hub.url, `{ disclosures(first: 20, filter: { domain: ENVIRONMENT }) { totalCount edges { node { id title publishedAt subject { name } } } } }`),
    );
    expect(list.result.body.errors).toBeUndefined();
    expect(list.result.body.data.disclosures.totalCount).toBeGreaterThan(20);
    expect(list.count).toBe(1);

    const { body } = await graphql(hub.url, `{ disclosures(first: 1, filter: { kind: "administrative-penalty" }) { edges { node { subject { uscc } } } } }`);
    const uscc = body.data.disclosures.edges[0].node.subject.uscc;
    const profileQuery = `query($uscc: String!) { entity(uscc: $uscc) { name disclosureCounts { domain count } creditSummary { penaltyCount penaltyTotalFine } disclosures(first: 10) { edges { node { id title } } } } }`;
    const profile = await countStatements(hub.db.knex, () => graphql(hub.url, profileQuery, { uscc }));
    expect(profile.result.body.errors).toBeUndefined();
    const entity = profile.result.body.data.entity;
    expect(entity.creditSummary.penaltyCount).toBeGreaterThan(0);
    expect(entity.disclosureCounts.find((c: { domain: string }) => c.domain === 'CREDIT').count).toBeGreaterThanOrEqual(entity.creditSummary.penaltyCount);
    expect(profile.count).toBe(1); // the entity with its counts and credit summary, and its newest disclosures
    // The same answers as each field read on its own (the entity's name only first, then each aspect).
    const apart = await graphql(hub.url, `query($uscc: String!) { entity(uscc: $uscc) { name } }`, { uscc });
    expect(apart.body.data.entity.name).toBe(entity.name);
    for (const field of ['disclosureCounts { domain count }', 'creditSummary { penaltyCount penaltyTotalFine }']) {
      const alone = await graphql(hub.url, `query($uscc: String!) { e: entities(first: 1, search: $uscc) { edges { node { ${field} } } } }`, { uscc });
      const key = field.split(' ')[0];
      expect(alone.body.data.e.edges[0].node[key]).toEqual(entity[key]);
    }
    // An enterprise with no credit disclosure: an empty credit record, read along as through its loader.
    const { rows } = await hub.db.knex.raw(
      `SELECT e.uscc FROM entities e WHERE NOT EXISTS (SELECT 1 FROM entity_credit_summaries c WHERE c.uscc = e.uscc) ORDER BY e.uscc LIMIT 1`,
    );
    expect(rows).toHaveLength(1);
    const CREDIT = 'creditSummary { penaltyCount penaltyTotalFine latestPenaltyAt licenceCount seriousViolationListed }';
    const readAlong = await graphql(hub.url, `query($uscc: String!) { entity(uscc: $uscc) { ${CREDIT} disclosures(first: 1) { edges { node { id } } } } }`, { uscc: rows[0].uscc });
    const alone = await graphql(hub.url, `query($uscc: String!) { e: entities(first: 1, search: $uscc) { edges { node { ${CREDIT} } } } }`, { uscc: rows[0].uscc });
    expect(readAlong.body.data.entity.creditSummary).toEqual({ penaltyCount: 0, penaltyTotalFine: 0, latestPenaltyAt: null, licenceCount: 0, seriousViolationListed: false });
    expect(alone.body.data.e.edges[0].node.creditSummary).toEqual(readAlong.body.data.entity.creditSummary);
  });

  test('a page reads only the columns its fields need, and serves each field as a whole read does', async () => {
    const sql: string[] = [];
    const onQuery = (q: { sql: string }) => sql.push(q.sql);
    hub.db.knex.on('query', onQuery);
    const narrow = await graphql(hub.url, `{ disclosures(first: 5) { edges { node { id title } } } }`);
    hub.db.knex.off('query', onQuery);
    expect(narrow.body.errors).toBeUndefined();
    const page = sql.find((text) => text.includes('"disclosures"'))!;
    expect(page).toContain('"d"."title"');
    for (const unread of ['"d"."attributes"', '"d"."subject_name"', '"d"."source_updated_at"', '"d"."status"']) expect(page).not.toContain(unread);
    // An own field of a concrete type (GenericDisclosure.attributes) makes the page read whole rows.
    const WHOLE = '... on GenericDisclosure { attributes }';
    const FIELDS = ['domain', 'kind', 'title', 'publisher', 'division { name code }', 'publishedAt', 'updatedAt', 'status', 'subject { uscc name }', 'sourceUrl', 'revisions { version }'];
    for (const filter of ['{ domain: CREDIT }', '{ domain: ENVIRONMENT }', '{ domain: TRADING }']) {
      for (const field of FIELDS) {
        const query = (extra: string) => `{ disclosures(first: 8, filter: ${filter}) { edges { node { id ${field} ${extra} } } } }`;
        const [alone, whole] = await Promise.all([graphql(hub.url, query('')), graphql(hub.url, query(WHOLE))]);
        const key = field.split(' ')[0];
        const values = (body: any) => body.data.disclosures.edges.map((e: any) => [e.node.id, e.node[key]]);
        expect([filter, field, alone.body.errors]).toEqual([filter, field, undefined]);
        expect(values(alone.body)).toHaveLength(8);
        expect([filter, field, values(alone.body)]).toEqual([filter, field, values(whole.body)]);
      }
    }
  });

  test("an enterprise page's disclosures read along with the enterprise are the page its own statement reads", async () => {
    const [{ uscc }] = await hub.db.knex('disclosures').whereNotNull('entity_uscc').groupBy('entity_uscc').orderByRaw('count(*) desc, entity_uscc').limit(1).select('entity_uscc as uscc');
    const PAGE = `totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title publishedAt subject { name } } }`;
    // Read along: one `disclosures` under the entity. Apart: two aliases, each its own statement.
    const along = (args: string) => `query($uscc: String!) { entity(uscc: $uscc) { name creditSummary { penaltyCount } disclosures(${args}) { ${PAGE} } } }`;
    const apart = (args: string) => `query($uscc: String!) { entity(uscc: $uscc) { name a: disclosures(${args}) { ${PAGE} } b: disclosures(${args}) { totalCount } } }`;
    const first = await countStatements(hub.db.knex, () => graphql(hub.url, along('first: 3'), { uscc }));
    expect(first.result.body.errors).toBeUndefined();
    expect(first.count).toBe(1);
    const page = first.result.body.data.entity.disclosures;
    expect(page.edges).toHaveLength(3);
    expect(page.pageInfo.hasNextPage).toBe(page.totalCount > 3);
    const cursor = page.pageInfo.endCursor;
    for (const args of ['first: 3', `first: 3, after: "${cursor}"`, 'first: 5, filter: { domain: CREDIT }', 'first: 5, filter: { kind: "no-such-kind" }']) {
      const read = await graphql(hub.url, along(args), { uscc });
      const alone = await graphql(hub.url, apart(args), { uscc });
      expect([args, read.body.errors]).toEqual([args, undefined]);
      expect([args, read.body.data.entity.disclosures]).toEqual([args, alone.body.data.entity.a]);
    }
    // Arguments the list refuses are refused at the field, as when it reads on its own.
    const refused = await graphql(hub.url, along('first: 3, after: "not-a-cursor"'), { uscc });
    expect(refused.body.errors.map((e: any) => [e.path.join('.'), e.extensions.code])).toEqual([['entity.disclosures', 'BAD_USER_INPUT']]);
  });

  test('a two-character Chinese search finds the disclosure the characters were cut from, title hits first', async () => {
    const { body } = await graphql(hub.url, `{ disclosures(first: 1, orderBy: PUBLISHED_ASC, filter: { kind: "air-quality-hourly" }) { edges { node { id title } } } }`);
    const { id, title } = body.data.disclosures.edges[0].node;
    const station = /市(.+?)站/.exec(title)![1];
    const cut = station.slice(0, 2);
    const found = await graphql(hub.url, `query($s: String) { disclosures(first: 100, search: $s) { totalCount pageInfo { hasNextPage endCursor } edges { node { id title } } } }`, { s: cut });
    const hits = found.body.data.disclosures.edges.map((e: any) => e.node);
    expect(hits.every((h: any) => h.title.includes(cut))).toBe(true);
    let page = found.body.data.disclosures;
    const ids = new Set(hits.map((h: any) => h.id));
    while (!ids.has(id) && page.pageInfo?.hasNextPage) {
      const next = await graphql(hub.url, `query($s: String, $a: String) { disclosures(first: 100, search: $s, after: $a) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`, { s: cut, a: page.pageInfo?.endCursor });
      page = next.body.data.disclosures;
      for (const e of page.edges) ids.add(e.node.id);
    }
    expect(ids.has(id)).toBe(true);
  });

  test('a request body over the limit is refused with 413', async () => {
    const big = JSON.stringify({ query: `{ disclosures(first: 1) { totalCount } }`, padding: 'x'.repeat(2 * 1024 * 1024) });
    const response = await fetch(`${hub.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(response.status).toBe(413);
    const body: any = await response.json();
    expect(body.errors[0].message).toMatch(/larger than the \d+ byte limit/);
    const broken = await fetch(`${hub.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(broken.status).toBe(400);
    expect(JSON.stringify(await broken.json())).not.toMatch(/at .*\.js:\d+/);
  });

  test('/metrics exposes request, GraphQL and sync metrics for Prometheus', async () => {
    await graphql(hub.url, FIRST_QUERY);
    const response = await fetch(`${hub.url}/metrics`);
    const text = await response.text();
    expect(response.headers.get('content-type')).toMatch(/text\/plain/);
    expect(text).toMatch(/hub_http_request_duration_seconds_count\{[^}]*route="\/graphql"[^}]*\} \d+/);
    expect(text).toMatch(/hub_graphql_operation_duration_seconds_count\{[^}]*operation="query"[^}]*\} \d+/);
    expect(text).toMatch(/hub_sync_runs_total\{stream="environment\/air-hourly",status="partial"\} 1/);
    expect(text).toMatch(/hub_sync_records_total\{stream="environment\/air-hourly",outcome="quarantined"\} \d+/);
    expect(text).toMatch(/hub_process_resident_memory_bytes/);
    // The response cache is on (the default): repeats are its to answer, none runs directly.
    await graphql(hub.url, FIRST_QUERY);
    expect(await (await fetch(`${hub.url}/metrics`)).text()).toMatch(/^hub_graphql_direct_queries_total 0$/m);
  });

  test('every response carries a request id, and a caller\'s own id is kept', async () => {
    const generated = await fetch(`${hub.url}/healthz`);
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const given = await fetch(`${hub.url}/healthz`, { headers: { 'x-request-id': 'portal-abc.123' } });
    expect(given.headers.get('x-request-id')).toBe('portal-abc.123');
  });

  test('a GraphQL POST (answered without Express) and a GET (through Express) get the same id, timing and Cache-Control', async () => {
    const query = '{ usccCheck(code: "91230600MA1ABCDE0X") { valid } }';
    const post = await fetch(`${hub.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'post-1' }, body: JSON.stringify({ query }) });
    const get = await fetch(`${hub.url}/graphql?query=${encodeURIComponent(query)}`, { headers: { 'apollo-require-preflight': '1', 'x-request-id': 'get-1' } });
    for (const [response, id] of [[post, 'post-1'], [get, 'get-1']] as const) {
      expect(response.status).toBe(200);
      expect(response.headers.get('x-request-id')).toBe(id);
      expect(response.headers.get('cache-control')).toBe('max-age=86400, public');
      expect(await response.json()).toEqual({ data: { usccCheck: { valid: false } } });
    }
    const text = await (await fetch(`${hub.url}/metrics`)).text();
    expect(text).toMatch(/hub_http_request_duration_seconds_count\{method="POST",route="\/graphql",status="200"\} \d+/);
    expect(text).toMatch(/hub_http_request_duration_seconds_count\{method="GET",route="\/graphql",status="200"\} \d+/);
  });

  test('the landing page is ours and loads nothing from outside', async () => {
    const response = await fetch(`${hub.url}/`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('Disclosure Hub');
    expect(html).not.toMatch(/<script[^>]+src=["']https?:/);
    expect(html).not.toMatch(/<link[^>]+href=["']https?:/);
  });
});
