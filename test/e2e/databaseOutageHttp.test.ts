import type { RunningHub } from '../../src/hub';
import { startTestHub, HUB_START_TIMEOUT_MS, type TestHub } from '../helpers/hub';
import { graphql } from '../helpers/graphql';
import { startTcpProxy, type TcpProxy } from '../helpers/tcpProxy';
import { waitFor } from '../helpers/waitFor';

/**
 * The hub reaches PostgreSQL through a relay the test cuts and restores, as a database restart or
 * a network break would. Readiness follows the database, liveness does not, requests are answered
 * 503 with Retry-After while it is gone, and the hub serves again once it is back, by itself.
 */
const describeOnPostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;
const SKIP_REASON = process.env.TEST_DATABASE_URL ? '' : ' (skipped: TEST_DATABASE_URL is not set; this needs a PostgreSQL server to cut the hub off from)';

describeOnPostgres(`a database outage on PostgreSQL${SKIP_REASON}`, () => {
  let proxy: TcpProxy;
  let running: TestHub;
  let hub: RunningHub;

  beforeAll(async () => {
    const server = new URL(process.env.TEST_DATABASE_URL!);
    proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
    const throughProxy = (url: string) => {
      const routed = new URL(url);
      routed.hostname = '127.0.0.1';
      routed.port = String(proxy.port);
      return routed.toString();
    };
    running = await startTestHub('postgres', { NODE_ENV: 'production', HUB_SAMPLE_SCALE: '20' }, { routeDatabaseUrl: throughProxy });
    hub = running.hub;
  }, HUB_START_TIMEOUT_MS);
  afterAll(async () => {
    await proxy?.restore();
    await running?.stop();
    await proxy?.close();
  });

  const status = async (path: string) => (await fetch(`${hub.url}${path}`)).status;

  test('/readyz answers 503 with the reason while the database is gone and 200 once it is back; /healthz stays 200', async () => {
    expect(await status('/readyz')).toBe(200);
    const cutAt = Date.now();
    await proxy.cut();

    const down = await waitFor('/readyz to answer 503', async () => {
      const response = await fetch(`${hub.url}/readyz`);
      return response.status === 503 ? ((await response.json()) as any) : undefined;
    });
    expect(down).toEqual({ status: 'unavailable', failing: 'database', reason: expect.stringMatching(/database/), since: expect.any(String) });
    expect(Date.parse(down.since)).toBeGreaterThanOrEqual(cutAt - 1000);
    expect(JSON.stringify(down)).not.toContain(String(proxy.port)); // no address in a public answer
    expect(await status('/healthz')).toBe(200);

    // A query no cache can answer: it needs the database.
    const query = await graphql(hub.url, `query($s: String) { disclosures(search: $s) { totalCount } }`, { s: `outage-${Date.now()}` });
    expect({ status: query.status, body: query.body }).toEqual({
      status: 503,
      body: { data: null, errors: [expect.objectContaining({ message: 'the database is not reachable; try again shortly', extensions: { code: 'DATABASE_UNAVAILABLE' } })] },
    });
    expect(Number(query.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(JSON.stringify(query.body)).not.toMatch(/ECONN|127\.0\.0\.1|terminated|Knex/i);

    const ocds = await fetch(`${hub.url}/ocds/releases.json?limit=1`);
    expect(ocds.status).toBe(503);
    expect(ocds.headers.get('retry-after')).toBeTruthy();
    expect(JSON.stringify(await ocds.json())).toMatch(/the database is not reachable/);

    await proxy.restore();
    await waitFor('/readyz to answer 200 again', async () => ((await status('/readyz')) === 200 ? true : undefined));
    const again = await graphql(hub.url, `query($s: String) { disclosures(search: $s) { totalCount } }`, { s: `back-${Date.now()}` });
    expect([again.status, again.body.errors]).toEqual([200, undefined]);
  }, 180000); // two waits of at most a minute each, on a busy machine
});
