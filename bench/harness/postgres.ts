import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../../src/db/connect';
import { migrateLatest } from '../../src/db/migrate';

/** A throw-away database on the benchmark's server; `drop` removes it even if a client is still connected. */
export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** Runs one statement on the admin database; each call its own short connection, so nothing lingers. */
export async function adminQuery<T extends pg.QueryResultRow = pg.QueryResultRow>(adminUrl: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** The one-line reason the server cannot be used, or undefined when it answers. */
export async function unreachableReason(adminUrl: string): Promise<string | undefined> {
  try {
    await adminQuery(adminUrl, 'select 1');
    return undefined;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return `PostgreSQL is not reachable at ${safeLocation(adminUrl)} (${e.code ?? e.message}); start it or set BENCH_DATABASE_URL`;
  }
}

/** A fresh database with every migration applied, so its tables carry the production indexes. */
export async function createMigratedDatabase(adminUrl: string): Promise<ScratchDatabase> {
  const name = `bench_${randomBytes(5).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = withDatabase(adminUrl, name);
  const scratch = { name, url, drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).then(() => undefined) };
  try {
    const db = await openDatabase({ databaseUrl: url });
    await migrateLatest(db.knex).finally(() => db.close());
  } catch (error) {
    await scratch.drop().catch(() => undefined);
    throw error;
  }
  return scratch;
}

/**
 * Flushes dirty buffers before a timed phase, so a phase does not pay for the writes of the one
 * before it (a checkpoint falling inside the COPY or the sync would skew the ratio).
 */
export async function checkpoint(adminUrl: string): Promise<void> {
  // Needs superuser or pg_checkpoint; without it the figures are only noisier, so go on.
  await adminQuery(adminUrl, 'CHECKPOINT').catch(() => undefined);
}

function withDatabase(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function safeLocation(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'the configured URL (it could not be parsed)';
  }
}

/**
 * Waits until no other session runs a statement on the database (or `patienceMs` has passed):
 * a server's requests still running when its load stops (a search PostGraphile takes seconds over)
 * would otherwise take PostgreSQL's CPU from the next server's first seconds. Returns the ms waited.
 */
export async function databaseSettled(databaseUrl: string, patienceMs = 30_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const [{ running }] = await adminQuery<{ running: number }>(
      databaseUrl,
      `SELECT count(*)::int AS running FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
    );
    const waited = Date.now() - started;
    if (running === 0 || waited >= patienceMs) return waited;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
