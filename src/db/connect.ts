import fs from 'node:fs';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import { PGlite, type Extension } from '@electric-sql/pglite';
import ClientPGLite from 'knex-pglite';
import { acquireDataDirLock, type DataDirLock } from './dataDirLock';
import { describeConnectionError } from './connectionErrors';

export type Backend = 'postgres' | 'embedded';

export interface Database {
  knex: Knex;
  backend: Backend;
  /** Where the data lives, for messages: a host:port/database or a directory. */
  location: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  /** Embedded only: the directory for the PGlite files, or 'memory://' for a throw-away database. */
  dataDir?: string;
  poolMax?: number;
}

// The contrib entry's type declarations are ESM-only although a CommonJS build ships beside them.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm') as { pg_trgm: Extension };

// Counts and ids come back as int8/numeric; as strings they would leak into JSON and arithmetic.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const db = options.databaseUrl ? openPostgres(options.databaseUrl, options.poolMax) : await openEmbedded(options.dataDir);
  try {
    await db.knex.raw('select 1');
  } catch (error) {
    await db.close().catch(() => undefined);
    throw describeConnectionError(error, db.location, db.backend);
  }
  return db;
}

// knex prints its warnings (e.g. "Connection Error: …" when a server drops a connection) with
// console.log, into the middle of `hub sync --json` output: they go to stderr instead.
const toStderr = (message: unknown) => void process.stderr.write(`hub: database: ${typeof message === 'string' ? message : String(message)}\n`);
const KNEX_LOG = { warn: toStderr, error: toStderr, deprecate: toStderr };

function openPostgres(url: string, poolMax = 10): Database {
  const knex = knexFactory({
    log: KNEX_LOG,
    client: 'pg',
    connection: { connectionString: url, connectionTimeoutMillis: 5000, application_name: 'disclosure-hub' },
    pool: { min: 0, max: poolMax },
    acquireConnectionTimeout: 10000,
  });
  return { knex, backend: 'postgres', location: postgresLocation(url), close: () => knex.destroy() };
}

export function postgresLocation(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'the server in DATABASE_URL (the URL could not be parsed)';
  }
}

async function openEmbedded(dataDir = '.hub'): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  let lock: DataDirLock | undefined;
  let pgdata = dataDir;
  if (!inMemory) {
    fs.mkdirSync(dataDir, { recursive: true });
    lock = acquireDataDirLock(dataDir);
    pgdata = path.join(dataDir, 'pgdata');
  }
  const pglite = new PGlite(pgdata, { extensions: { pg_trgm } });
  // PGlite is one connection in this process; knex-pglite fixes the pool at one accordingly.
  // Opening PGlite (a WASM PostgreSQL) takes seconds, and longer on a busy machine.
  const knex = knexFactory({ log: KNEX_LOG, client: ClientPGLite, connection: { pglite } as never, acquireConnectionTimeout: 120000 });
  // knex's pool gives up creating a connection after 30 s of its own, whatever the acquire timeout
  // says; waiting here until PGlite is ready (after knex has copied its config) keeps a slow open
  // from failing.
  await pglite.waitReady;
  return {
    knex,
    backend: 'embedded',
    location: inMemory ? 'memory' : path.resolve(dataDir),
    close: async () => {
      await knex.destroy();
      lock?.release();
    },
  };
}
