import type { RunningHub } from '../../src/hub';
import { startTestHub, HUB_START_TIMEOUT_MS, type TestHub } from '../helpers/hub';
import { expectOutageAnswers, expectServingAgain, UNCACHED } from '../helpers/databaseOutageAnswers';
import { graphql } from '../helpers/graphql';
import { startTcpProxy, type TcpProxy } from '../helpers/tcpProxy';

/**
 * The hub reaches PostgreSQL through a relay the test cuts and restores, as a database restart or
 * a network break would. Readiness follows the database, liveness does not, requests are answered
 * 503 with Retry-After while it is gone, and the hub serves again once it is back, by itself.
 * test/faults/databaseDownWhileServing.test.ts holds `hub serve` to the same answers when the
 * PostgreSQL server itself is stopped and started again.
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
    // The response cache off: a query answered once runs directly after (acceptedQueries.ts), so the
    // outage's query below takes that path, and its failure must still reach the client as Apollo's 503.
    running = await startTestHub('postgres', { NODE_ENV: 'production', HUB_SAMPLE_SCALE: '20', HUB_RESPONSE_CACHE: 'off' }, { routeDatabaseUrl: throughProxy });
    hub = running.hub;
  }, HUB_START_TIMEOUT_MS);
  afterAll(async () => {
    await proxy?.restore();
    await running?.stop();
    await proxy?.close();
  });

  test('/readyz answers 503 with the reason while the database is gone and 200 once it is back; /healthz stays 200', async () => {
    expect((await fetch(`${hub.url}/readyz`)).status).toBe(200);
    expect((await graphql(hub.url, UNCACHED, { s: 'before the outage' })).body.errors).toBeUndefined();
    const goneAt = Date.now();
    await proxy.cut();
    await expectOutageAnswers(hub.url, { goneAt, databasePort: proxy.port });
    await proxy.restore();
    await expectServingAgain(hub.url);
  }, 180000); // two waits of at most a minute each, on a busy machine
});
