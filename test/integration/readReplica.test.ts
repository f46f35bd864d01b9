import pg from 'pg';
import type { RunningHub } from '../../src/hub';
import { graphql } from '../helpers/graphql';
import { startHubWithEnv } from '../helpers/hub';
import { clusterUnavailableReason, createCluster, type PgCluster } from '../helpers/pgCluster';

/**
 * DATABASE_READ_URL: a hub on a primary and a streaming replica of it (a throwaway pair of its
 * own) answers public queries from the replica and admin queries from the primary.
 */
const unavailable = clusterUnavailableReason();
if (unavailable) console.warn(`read replica suite SKIPPED: ${unavailable}; it needs a throwaway PostgreSQL primary and replica (test/helpers/pgCluster.ts).`);
const withCluster = unavailable ? describe.skip : describe;

const ADMIN_TOKEN = 'replica-test-token';
const READ_APPLICATION = 'disclosure-hub-read';
/** Replaying the start-up sync takes well under a second; the ceiling allows for a busy machine. */
const CATCH_UP_CEILING_MS = 60000;

withCluster('public reads on a streaming replica (DATABASE_READ_URL)', () => {
  let primary: PgCluster | undefined;
  let replica: PgCluster | undefined;
  let hub: RunningHub | undefined;

  beforeAll(async () => {
    primary = await createCluster();
    replica = await primary.replica();
    hub = await startHubWithEnv({
      DATABASE_URL: primary.url(),
      DATABASE_READ_URL: replica.url(),
      HUB_ADMIN_TOKEN: ADMIN_TOKEN,
      HUB_SAMPLE_SCALE: '50',
    });
    await replicaCaughtUp(primary, replica);
  }, 120000);

  afterAll(async () => {
    await hub?.close();
    replica?.destroy();
    primary?.destroy();
  });

  test('a public query returns the synced data, read on the replica', async () => {
    const { body } = await graphql(hub!.url, `{ disclosures(first: 3) { totalCount edges { node { id title } } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.disclosures.totalCount).toBe(await disclosureCount(primary!));
    expect(body.data.disclosures.edges).toHaveLength(3);

    // The pool keeps the connection it just used: the replica sees the hub's read connections,
    // the primary none of them.
    expect(await connectionsOf(replica!, READ_APPLICATION)).toBeGreaterThan(0);
    expect(await connectionsOf(primary!, READ_APPLICATION)).toBe(0);
  });

  test('/readyz checks both databases', async () => {
    const response = await fetch(`${hub!.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready' });
  });

  // Last: it stops the replica.
  test('admin queries answer from the primary, even with the replica gone', async () => {
    replica!.stop('fast');
    const { body } = await graphql(hub!.url, `{ syncRuns(first: 50) { stream trigger status } }`, undefined, { authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(body.errors).toBeUndefined();
    expect(body.data.syncRuns).toContainEqual(expect.objectContaining({ stream: 'environment/air-hourly', trigger: 'startup' }));

    const ready = await fetch(`${hub!.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable', failing: 'read database' });
  });
});

async function onCluster<T>(cluster: PgCluster, sql: string, params: unknown[], read: (rows: any[]) => T): Promise<T> {
  const client = new pg.Client({ connectionString: cluster.url(), application_name: 'replica-test' });
  await client.connect();
  try {
    return read((await client.query(sql, params)).rows);
  } finally {
    await client.end();
  }
}

function disclosureCount(cluster: PgCluster): Promise<number> {
  return onCluster(cluster, 'select count(*)::int as n from disclosures', [], (rows) => rows[0].n);
}

function connectionsOf(cluster: PgCluster, application: string): Promise<number> {
  return onCluster(cluster, 'select count(*)::int as n from pg_stat_activity where application_name = $1', [application], (rows) => rows[0].n);
}

/** Polls until the replica holds every disclosure the primary does: replication is asynchronous. */
async function replicaCaughtUp(primary: PgCluster, replica: PgCluster): Promise<void> {
  const expected = await disclosureCount(primary);
  expect(expected).toBeGreaterThan(0);
  const deadline = Date.now() + CATCH_UP_CEILING_MS;
  for (;;) {
    // Before the first sync reaches it, the replica may not have the table yet.
    const seen = await disclosureCount(replica).catch(() => -1);
    if (seen === expected) return;
    if (Date.now() > deadline) throw new Error(`the replica holds ${seen} disclosures after ${CATCH_UP_CEILING_MS} ms; the primary holds ${expected}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
