import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { HUB_COMPONENTS } from '../../app/components';
import { withManifests } from '../../src/manifest/withManifests';
import { spawnHub } from '../helpers/cli';
import { expectOutageAnswers, expectServingAgain } from '../helpers/databaseOutageAnswers';
import { clusterUnavailableReason, createCluster, type PgCluster } from '../helpers/pgCluster';
import { waitFor } from '../helpers/waitFor';
import { createClusterDatabase, openClusterDatabase, withClient } from './clusterDatabase';
import { leftOver } from './fingerprint';

/**
 * PostgreSQL stopped while `hub serve` runs, and started again: the server process stays up,
 * says why it is not ready meanwhile, and serves again by itself once the database is back, with
 * no restart. test/e2e/databaseOutageHttp.test.ts checks the same answers through a relay it cuts;
 * here the server itself goes away, as in a real restart: sessions are ended by the server
 * ("terminating connection due to administrator command") and connecting is refused until it is
 * back, and the hub is the real command, not the library in the test's process.
 */
const unavailable = clusterUnavailableReason();
if (unavailable) console.warn(`database down while serving suite SKIPPED: ${unavailable}; it needs a throwaway PostgreSQL cluster (test/helpers/pgCluster.ts).`);
const withCluster = unavailable ? describe.skip : describe;

// The coded connectors' streams and the built-in manifests': every stream the start-up sync runs.
const STREAMS = withManifests(HUB_COMPONENTS).connectors.reduce((n, c) => n + c.streams.length, 0);
const START_CEILING_MS = 300000;

withCluster(`PostgreSQL down while hub serve runs${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let cluster: PgCluster;
  let databaseUrl: string;
  let server: ChildProcessWithoutNullStreams;
  let output = '';
  let exited: Promise<string>;
  let url: string;

  beforeAll(async () => {
    cluster = await createCluster();
    databaseUrl = await createClusterDatabase(cluster, 'hub');
    server = spawnHub(['serve'], { DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production', HUB_SAMPLE_SCALE: '20' });
    server.stdout.on('data', (d) => (output += d));
    server.stderr.on('data', (d) => (output += d));
    exited = new Promise((resolve) => server.once('close', (code, signal) => resolve(`code ${code} signal ${signal}`)));
    url = await waitFor(
      'hub serve to listen',
      async () => {
        if (server.exitCode !== null) throw new Error(`hub serve exited ${server.exitCode}: ${output}`);
        return /GraphQL at (http:\/\/\S+)\/graphql/.exec(output)?.[1];
      },
      START_CEILING_MS,
    );
    // The start-up sync ends before the outage: this suite is about serving (a sync cut by a
    // restart is databaseRestartMidSync's).
    await waitFor('the start-up sync of every stream', () => startupSyncDone(databaseUrl), START_CEILING_MS, 200);
  }, START_CEILING_MS * 2);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGKILL');
      await exited;
    }
    cluster?.destroy();
  });

  test('/readyz says why while the database is down, GraphQL answers 503 with Retry-After, and the same process serves again once it is back', async () => {
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const goneAt = Date.now();
    cluster.stop('fast');
    await expectOutageAnswers(url, { goneAt, databasePort: cluster.port });
    expect(server.exitCode).toBeNull();

    cluster.start();
    await expectServingAgain(url);
    expect(server.exitCode).toBeNull();

    const db = await openClusterDatabase(databaseUrl);
    try {
      expect(await leftOver(db.knex)).toEqual({ running: [], leases: [] });
    } finally {
      await db.close();
    }

    // And it still stops cleanly, as deployed (NODE_ENV=production): its own stop, exit 0.
    server.kill('SIGTERM');
    expect(await exited).toBe('code 0 signal null');
  }, 240000); // two waits of at most a minute each, and a restart, on a busy machine
});

/** True once every stream has a finished start-up run and none is running. */
function startupSyncDone(databaseUrl: string): Promise<true | undefined> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query(
      `SELECT count(DISTINCT stream) FILTER (WHERE status <> 'running')::int AS finished, count(*) FILTER (WHERE status = 'running')::int AS running
       FROM sync_runs WHERE trigger = 'startup'`,
    );
    return rows[0].finished === STREAMS && rows[0].running === 0 ? true : undefined;
  }).catch(() => undefined); // before the migrations, there is no sync_runs table
}
