import { auditServer } from 'graphql-http';
import type { RunningHub } from '../../src/hub';
import { startTestHub, HUB_START_TIMEOUT_MS, type TestHub } from '../helpers/hub';
import { graphql } from '../helpers/graphql';
import {
  answersOtherThanBadInput,
  callsWithAfter,
  callsWithEachStringArgument,
  CRAFTED_CURSORS,
  CURSOR_REFUSED,
  cursorKind,
  nulMessageFor,
  SQL_TEXT,
  unreachedFieldsWithArguments,
} from '../helpers/clientMistakes';

const ADMIN_TOKEN = 'test-admin-token-7f3a';
const ALIVE = `{ disclosures(first: 1) { totalCount } }`;

describe('the API under hostile and careless requests', () => {
  let running: TestHub;
  let hub: RunningHub;

  beforeAll(async () => {
    running = await startTestHub('embedded', {
      NODE_ENV: 'production',
      // The GraphQL-over-HTTP audit asks __type questions; production keeps introspection off by default.
      HUB_INTROSPECTION: 'on',
      HUB_ADMIN_TOKEN: ADMIN_TOKEN,
      HUB_CORS_ORIGINS: 'https://portal.example.gov.cn',
    });
    hub = running.hub;
  }, HUB_START_TIMEOUT_MS);
  afterAll(() => running?.stop());

  async function expectStillServing() {
    const { body } = await graphql(hub.url, ALIVE);
    expect(body.data.disclosures.totalCount).toBeGreaterThan(0);
  }

  test('a query 40 levels deep is refused', async () => {
    let selection = 'id';
    for (let i = 0; i < 40; i++) selection = `subject { disclosures(first: 1) { edges { node { ${selection} } } } }`;
    const { body } = await graphql(hub.url, `{ disclosures(first: 1) { edges { node { ${selection} } } } }`);
    expect(body.errors[0].message).toMatch(/depth limit|Token limit|Cost limit/i);
    expect(body.data ?? null).toBeNull();
    await expectStillServing();
  });

  test('400 aliases are refused', async () => {
    const aliases = Array.from({ length: 400 }, (_, i) => `a${i}: disclosures(first: 1) { totalCount }`).join(' ');
    const { body } = await graphql(hub.url, `{ ${aliases} }`);
    expect(body.errors[0].message).toMatch(/Aliases limit|Token limit|Cost limit/i);
    await expectStillServing();
  });

  test('first: 100000 is refused', async () => {
    const { body } = await graphql(hub.url, `{ disclosures(first: 100000) { edges { node { id } } } }`);
    expect(body.errors[0].message).toMatch(/limit|between 0 and 100/i);
    await expectStillServing();
  });

  test('circular fragments are refused by validation', async () => {
    const { status, body } = await graphql(
      hub.url,
      `query { disclosures(first: 1) { ...A } } fragment A on DisclosureConnection { ...B } fragment B on DisclosureConnection { ...A }`,
    );
    expect(status).toBe(400);
    expect(JSON.stringify(body.errors)).toMatch(/Cannot spread fragment "A" within itself|cycle|spread/i);
    await expectStillServing();
  });

  test('a 20 MB body is refused with 413', async () => {
    const body = JSON.stringify({ query: ALIVE, variables: { junk: 'x'.repeat(20 * 1024 * 1024) } });
    const response = await fetch(`${hub.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(413);
    await expectStillServing();
  });

  test('an SQL-looking search string is data, and LIKE wildcards match only themselves', async () => {
    for (const search of [`'; DROP TABLE disclosures; --`, `' OR '1'='1`, `%`, `_`, `\\`]) {
      const { body } = await graphql(hub.url, `query($s: String) { disclosures(search: $s) { totalCount } }`, { s: search });
      expect(body.errors).toBeUndefined();
      const [{ n }] = await hub.db.knex('disclosures').whereRaw('strpos(lower(search_text), lower(?)) > 0', [search]).count({ n: '*' });
      expect(body.data.disclosures.totalCount).toBe(Number(n));
    }
    expect(Number((await hub.db.knex('disclosures').count({ n: '*' }))[0].n)).toBeGreaterThan(0);
    await expectStillServing();
  });

  test('admin operations are refused without a token and with a wrong one, and work with the right one', async () => {
    const mutation = `mutation { discardQuarantined(stream: "environment/air-hourly") }`;
    const none = await graphql(hub.url, mutation);
    expect(none.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(none.body.errors[0].message).toMatch(/Authorization: Bearer/);
    const wrong = await graphql(hub.url, mutation, undefined, { authorization: 'Bearer not-the-token' });
    expect(wrong.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const read = await graphql(hub.url, `{ syncRuns { id } }`, undefined, { authorization: 'Bearer nope' });
    expect(read.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(read.body.data).toBeNull();

    const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const runs = await graphql(hub.url, `{ syncRuns(first: 50) { stream trigger status fetched quarantined } quarantine(first: 3) { stage errors { path message } } }`, undefined, auth);
    expect(runs.body.errors).toBeUndefined();
    expect(runs.body.data.syncRuns).toContainEqual(expect.objectContaining({ stream: 'environment/air-hourly', trigger: 'startup' }));
    expect(runs.body.data.quarantine.length).toBeGreaterThan(0);
    const triggered = await graphql(hub.url, `mutation { triggerSync(streams: ["environment/air-hourly"]) { trigger status inserted } }`, undefined, auth);
    expect(triggered.body.data.triggerSync).toEqual([expect.objectContaining({ trigger: 'api', inserted: 0 })]);
    const discarded = await graphql(hub.url, mutation, undefined, auth);
    expect(discarded.body.data.discardQuarantined).toBeGreaterThan(0);
    expect(runs.headers.get('cache-control')).toMatch(/no-store|private/);
  });

  test('responses carry Cache-Control from the types they contain', async () => {
    const air = await graphql(hub.url, `{ disclosures(first: 2) { edges { node { ... on AirQualityReport { aqi { aqi } } } } } }`);
    expect(air.headers.get('cache-control')).toBe('max-age=60, public');
  });

  test('automatic persisted queries: a hash alone runs a query registered once', async () => {
    const query = ALIVE;
    const { createHash } = await import('node:crypto');
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const first = await fetch(`${hub.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ extensions }) });
    expect(JSON.stringify(await first.json())).toMatch(/PERSISTED_QUERY_NOT_FOUND/);
    await fetch(`${hub.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, extensions }) });
    const url = `${hub.url}/graphql?extensions=${encodeURIComponent(JSON.stringify(extensions))}`;
    const byHash = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    const body: any = await byHash.json();
    expect(body.data.disclosures.totalCount).toBeGreaterThan(0);
  });

  test('CORS answers only the configured origins', async () => {
    const preflight = (origin: string) =>
      fetch(`${hub.url}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect((await preflight('https://portal.example.gov.cn')).headers.get('access-control-allow-origin')).toBe('https://portal.example.gov.cn');
    expect((await preflight('https://evil.example.com')).headers.get('access-control-allow-origin')).toBeNull();
  });

  test('batched requests are refused', async () => {
    const response = await fetch(`${hub.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ query: ALIVE }, { query: ALIVE }]) });
    expect(response.status).toBe(400);
  });

  /** Any entity's code, to reach Entity's own lists. */
  async function someUscc(): Promise<string> {
    const { body } = await graphql(hub.url, `{ entities(first: 1) { edges { node { uscc } } } }`);
    return body.data.entities.edges[0].node.uscc;
  }

  test('a crafted or foreign "after" on every connection field is BAD_USER_INPUT, not an internal error', async () => {
    const uscc = await someUscc();
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const problems: string[] = [];
    for (const [label, cursor] of Object.entries(CRAFTED_CURSORS)) {
      const calls = callsWithAfter(cursor, uscc);
      expect(calls.length).toBeGreaterThanOrEqual(14); // 12 lists on Query, 2 on Entity
      problems.push(...(await answersOtherThanBadInput(hub.url, calls, () => CURSOR_REFUSED, auth)).map((p) => `${label}: ${p}`));
    }
    const real = await graphql(hub.url, `{ entities(first: 1) { pageInfo { endCursor } } disclosures(first: 1) { pageInfo { endCursor } } tradingProcesses(first: 1) { pageInfo { endCursor } } }`);
    const given = { entities: real.body.data.entities.pageInfo.endCursor, disclosures: real.body.data.disclosures.pageInfo.endCursor, trading: real.body.data.tradingProcesses.pageInfo.endCursor };
    for (const [kind, cursor] of Object.entries(given)) {
      const foreign = callsWithAfter(cursor, uscc).filter((call) => cursorKind(call.field) !== kind);
      problems.push(...(await answersOtherThanBadInput(hub.url, foreign, () => CURSOR_REFUSED, auth)).map((p) => `a cursor of ${kind}: ${p}`));
    }
    expect(problems).toEqual([]);
    await expectStillServing();
  });

  test('a NUL character in any string argument is refused with the argument named', async () => {
    expect(unreachedFieldsWithArguments()).toEqual([]);
    const calls = callsWithEachStringArgument('a\u0000b', await someUscc());
    expect(calls.length).toBeGreaterThanOrEqual(60);
    expect(await answersOtherThanBadInput(hub.url, calls, nulMessageFor, { authorization: `Bearer ${ADMIN_TOKEN}` })).toEqual([]);
    // Written in the query text as a GraphQL escape rather than passed as a variable: the same.
    const literal = await graphql(hub.url, `{ disclosures(filter: { region: "大庆\\u0000" }) { totalCount } }`);
    expect(literal.body.errors[0]).toMatchObject({ message: expect.stringMatching(/"filter\.region" contains a NUL/), extensions: { code: 'BAD_USER_INPUT' } });
    await expectStillServing();
  });

  test('a quarantine id that is not one is refused, not passed to the database', async () => {
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const { body } = await graphql(hub.url, `mutation { replayQuarantined(ids: ["99999999999999999999999"]) { replayed } }`, undefined, auth);
    expect(body.errors[0]).toMatchObject({ message: expect.stringMatching(/"ids" must be quarantine entry ids/), extensions: { code: 'BAD_USER_INPUT' } });
    expect(JSON.stringify(body)).not.toMatch(SQL_TEXT);
  });

  test('syntax errors and the token limit are 400 with their reason, for both response media types', async () => {
    for (const accept of ['application/json', 'application/graphql-response+json']) {
      const syntax = await graphql(hub.url, `{ disclosures(`, undefined, { accept });
      expect([accept, syntax.status, syntax.body.errors[0].extensions.code]).toEqual([accept, 400, 'GRAPHQL_PARSE_FAILED']);
      expect(syntax.body.errors[0].message).toMatch(/^Syntax Error: Expected Name, found <EOF>/);
      const tokens = await graphql(hub.url, `{ ${'totalCount '.repeat(3500)} }`, undefined, { accept });
      expect([accept, tokens.status]).toEqual([accept, 400]);
      expect(tokens.body.errors[0].message).toMatch(/^Token limit of 3000 exceeded/);
      const invalid = await graphql(hub.url, `{ noSuchField }`, undefined, { accept });
      expect([accept, invalid.status, invalid.body.errors[0].extensions.code]).toEqual([accept, 400, 'GRAPHQL_VALIDATION_FAILED']);
    }
    await expectStillServing();
  });

  test('variables nested deeper than the limit are refused with 400 before anything walks them', async () => {
    const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
    const query = `query($s: String) { disclosures(search: $s) { totalCount } }`;
    const posted = await fetch(`${hub.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"query":${JSON.stringify(query)},"variables":{"x":${deep(100000)}}}` });
    expect(posted.status).toBe(400);
    expect(((await posted.json()) as any).errors[0].message).toMatch(/the request body nests JSON \d+ levels deep; at most 32/);
    const got = await fetch(`${hub.url}/graphql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(`{"x":${deep(100)}}`)}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(got.status).toBe(400);
    expect(((await got.json()) as any).errors[0].message).toMatch(/the "variables" parameter nests JSON \d+ levels deep/);
    // Brackets inside strings are text, not nesting, escaped quotes included.
    const text = await graphql(hub.url, query, { s: '"['.repeat(40) });
    expect(text.body.errors).toBeUndefined();
    await expectStillServing();
  });

  test('a persisted query whose hash does not match its text is 400 with what to fix', async () => {
    const { createHash } = await import('node:crypto');
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update('something else').digest('hex') } };
    const response = await fetch(`${hub.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: ALIVE, extensions }) });
    expect(response.status).toBe(400);
    const body: any = await response.json();
    expect(body.errors[0]).toMatchObject({ message: expect.stringMatching(/sha256Hash is not the SHA-256 of the query/), extensions: { code: 'BAD_REQUEST' } });
  });

  test('unknown routes are JSON 404 with the path, and a wrong method on a known route is 405 with Allow', async () => {
    const missing = await fetch(`${hub.url}/no/such/thing?x=1`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/application\/json/);
    expect(await missing.json()).toEqual({ error: expect.stringMatching(/nothing is served at \/no\/such\/thing.*\/graphql/), path: '/no/such/thing' });
    for (const path of ['/healthz', '/readyz', '/metrics', '/ocds/releases.json', '/']) {
      const wrong = await fetch(`${hub.url}${path}`, { method: 'DELETE' });
      expect([path, wrong.status, wrong.headers.get('allow')]).toEqual([path, 405, 'GET, HEAD']);
      expect(await wrong.json()).toEqual({ error: expect.stringContaining('DELETE is not answered'), path });
    }
  });

  test('the graphql-http server audit reports no failed MUST', async () => {
    const results = await auditServer({ url: `${hub.url}/graphql` });
    const mustFailures = results.filter((r) => r.status === 'error').map((r) => `${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`);
    expect(mustFailures).toEqual([]);
  });
});
