import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';
import { openDatabase, type Database } from '../../src/db/connect';
import { migrateLatest } from '../../src/db/migrate';

export type TestBackend = 'embedded' | 'postgres';

/** The embedded database always; PostgreSQL too when TEST_DATABASE_URL points at a server. */
export const BACKENDS: TestBackend[] = process.env.TEST_DATABASE_URL ? ['embedded', 'postgres'] : ['embedded'];

export interface TestDatabase extends Database {
  /** The environment a child `hub` process needs to open this same database. */
  env: Record<string, string>;
  destroy(): Promise<void>;
}

/**
 * A fresh, migrated database for one suite: a new database on the PostgreSQL server, or a new
 * embedded one in a temporary directory. Suites never share state.
 */
export async function createTestDatabase(backend: TestBackend, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const db = backend === 'postgres' ? await freshPostgres() : await freshEmbedded();
  if (options.migrate !== false) await migrateLatest(db.knex);
  return db;
}

async function freshEmbedded(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-test-'));
  const db = await openDatabase({ dataDir: dir });
  return closableOnce(db, { HUB_DATA_DIR: dir }, async () => fs.rmSync(dir, { recursive: true, force: true }));
}

/** close() may be called by the test and again at teardown; the database closes once. */
function closableOnce(db: Database, env: Record<string, string>, remove: () => Promise<void>): TestDatabase {
  let open = true;
  const close = async () => {
    if (open) await db.close();
    open = false;
  };
  return {
    ...db,
    env,
    close,
    destroy: async () => {
      await close();
      await remove();
    },
  };
}

async function freshPostgres(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `hub_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = knexFactory({ client: 'pg', connection: adminUrl, pool: { min: 0, max: 1 } });
  await admin.raw(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString() });
  return closableOnce(db, { DATABASE_URL: url.toString() }, async () => {
    await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.destroy();
  });
}
