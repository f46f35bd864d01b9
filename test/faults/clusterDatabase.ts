import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/connect';
import type { PgCluster } from '../helpers/pgCluster';

/** A new database on a test's own cluster; returns its URL. */
export async function createClusterDatabase(cluster: PgCluster, name: string): Promise<string> {
  await withClient(cluster.url(), (client) => client.query(`CREATE DATABASE ${name}`));
  return cluster.url(name);
}

/** One statement's worth of connection, for state the test inspects while a hub works. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'fault-test' });
  client.on('error', () => undefined); // a restart the test causes ends this connection too
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The hub's own view of a database, for fingerprints; the caller closes it. */
export function openClusterDatabase(url: string): Promise<Database> {
  return openDatabase({ databaseUrl: url, poolMax: 2 });
}
