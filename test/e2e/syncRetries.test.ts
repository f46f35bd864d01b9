import pino from 'pino';
import type { RunningHub } from '../../src/hub';
import { startTestHub, HUB_START_TIMEOUT_MS, type TestHub } from '../helpers/hub';
import { graphql } from '../helpers/graphql';
import { setFaults } from '../helpers/feeds';

const ADMIN_TOKEN = 'retries-token-51c2';

/** A flaky feed: each retry of the engine's HTTP reads shows in the log and on /metrics. */
describe('HTTP retries of a running hub', () => {
  let running: TestHub;
  let hub: RunningHub;
  const logged: any[] = [];

  beforeAll(async () => {
    const logger = pino({ level: 'warn' }, { write: (line: string) => void logged.push(JSON.parse(line)) });
    running = await startTestHub('embedded', { HUB_SAMPLE_SCALE: '20', HUB_ADMIN_TOKEN: ADMIN_TOKEN }, { logger });
    hub = running.hub;
  }, HUB_START_TIMEOUT_MS);
  afterAll(() => running?.stop());

  test('each retry is logged at warn with stream, path, attempt, reason and back-off, and counted by stream', async () => {
    await setFaults(hub.feeds!, { faults: { errors: 2 } });
    const { body } = await graphql(hub.url, `mutation { triggerSync(streams: ["environment/air-hourly"]) { status error } }`, undefined, {
      authorization: `Bearer ${ADMIN_TOKEN}`,
    });
    expect(body.data.triggerSync).toEqual([expect.objectContaining({ error: null })]);

    const retries = logged.filter((line) => 'backoffMs' in line);
    expect(retries).toHaveLength(2);
    for (const retry of retries) {
      expect(retry).toMatchObject({
        level: 40,
        stream: 'environment/air-hourly',
        path: '/environment/air-hourly',
        attempt: expect.any(Number),
        reason: expect.stringMatching(/^HTTP 500/),
        backoffMs: expect.any(Number),
        msg: expect.stringMatching(/^environment\/air-hourly: GET \/environment\/air-hourly failed on attempt \d \(HTTP 500.*\); retrying in \d+ ms$/),
      });
    }

    const metrics = await (await fetch(`${hub.url}/metrics`)).text();
    expect(metrics).toMatch(/^hub_sync_http_retries_total\{stream="environment\/air-hourly"\} 2$/m);
  });
});
