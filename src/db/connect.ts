import fs from 'node:fs';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import { timestamptzReader } from './timestampParser';
import { PGlite, type Extension } from '@electric-sql/pglite';
import ClientPGLite from 'knex-pglite';
import { PreparingPostgresClient } from './preparedStatements';
import { acquireDataDirLock, DataDirInUseError, isAlive, type DataDirLock } from './dataDirLock';
import { describeConnectionError } from './connectionErrors';
import { markOneSession } from './oneSession';
import { describeEndpoint, endpointUrl, readStoreAddress, removeStaleAddress, type StoreAddress } from './storeAddress';
import { shareStore, type SharedStore } from './storeSocket';
import { takingTurns } from './turnTakingPglite';
import { Turns } from './turns';

/** `embedded-shared`: the embedded database of a running `hub serve`, reached through its socket. */
export type Backend = 'postgres' | 'embedded' | 'embedded-shared';

export interface Database {
  knex: Knex;
  backend: Backend;
  /** Where the data lives, for messages: a host:port/database or a directory. */
  location: string;
  /**
   * Embedded, in the process that opened the files: lets hub commands reach this database through
   * a local socket until close(). Returns where it listens. `hub serve` calls it.
   */
  share?(): Promise<string>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  /** Embedded only: the directory for the PGlite files, or 'memory://' for a throw-away database. */
  dataDir?: string;
  poolMax?: number;
  /** PostgreSQL only: how the connections name themselves in pg_stat_activity. */
  applicationName?: string;
  /**
   * Embedded only: when a running `hub serve` holds the data directory, use its database through
   * the socket it shares, as if DATABASE_URL pointed there, instead of refusing. The hub commands
   * ask for this; `hub serve` does not, since two servers on one embedded database is not a setup.
   */
  joinRunningHub?: boolean;
}

// The contrib entry's type declarations are ESM-only although a CommonJS build ships beside them.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm') as { pg_trgm: Extension };

// Counts and ids come back as int8/numeric; as strings they would leak into JSON and arithmetic.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
// Timestamps as pg reads them, faster in the shape PostgreSQL writes (timestampParser.ts). The
// embedded database reads them with the same function: its own reader takes a year before 100 for
// 19xx and an offset with seconds (Shanghai before 1928) for no date at all.
const readTimestamptz = timestamptzReader(pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ));
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, readTimestamptz);

/** Reaching a shared database waits for its turn behind the server's transaction in progress. */
const SHARED_WAIT_MS = 60000;
/** A server that stops just as a command connects frees the lock: the command then opens the files. */
const JOIN_ATTEMPTS = 3;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return reachable(openPostgres(options.databaseUrl, { poolMax: options.poolMax, applicationName: options.applicationName }));
  return openEmbedded(options.dataDir, options.joinRunningHub === true);
}

/** Proves the connection with one query, so a wrong address fails here with a message that says so. */
async function reachable(db: Database): Promise<Database> {
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

interface PostgresOptions {
  poolMax?: number;
  /** How long to wait for a connection: longer when it waits its turn on a shared embedded store. */
  waitMs?: number;
  /** How the connections name themselves in pg_stat_activity. */
  applicationName?: string;
}

function openPostgres(url: string, { poolMax = 10, waitMs = 5000, applicationName = 'disclosure-hub' }: PostgresOptions = {}): Database {
  const knex = knexFactory({
    log: KNEX_LOG,
    client: PreparingPostgresClient,
    connection: { connectionString: url, connectionTimeoutMillis: waitMs, application_name: applicationName },
    pool: { min: 0, max: poolMax },
    acquireConnectionTimeout: Math.max(10000, waitMs),
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

async function openEmbedded(dataDir = '.hub', joinRunningHub: boolean): Promise<Database> {
  if (dataDir.startsWith('memory://')) return reachable(await openPglite(dataDir, 'memory'));
  fs.mkdirSync(dataDir, { recursive: true });
  for (let attempt = 1; ; attempt++) {
    let lock: DataDirLock;
    try {
      lock = await acquireDataDirLock(dataDir);
    } catch (error) {
      if (!joinRunningHub || !(error instanceof DataDirInUseError) || error.owner === undefined) throw error;
      const address = readStoreAddress(dataDir, error.owner);
      if (!address) throw notShared(dataDir, error.owner);
      try {
        return await reachable(openThroughHub(dataDir, address));
      } catch (failure) {
        if (attempt < JOIN_ATTEMPTS && !stillServing(dataDir, address)) continue;
        throw failure;
      }
    }
    // Holding the lock, any address in the directory is a dead holder's.
    removeStaleAddress(dataDir);
    return reachable(await openPglite(dataDir, path.resolve(dataDir), lock));
  }
}

async function openPglite(dataDir: string, location: string, lock?: DataDirLock): Promise<Database> {
  const pglite = new PGlite(lock ? path.join(dataDir, 'pgdata') : dataDir, { extensions: { pg_trgm }, parsers: { [pg.types.builtins.TIMESTAMPTZ]: readTimestamptz } });
  // Opening PGlite (a WASM PostgreSQL; a new directory runs initdb) takes seconds, and far longer
  // on a busy machine: wait for it here, since the pool gives a new connection only 30 s.
  try {
    await pglite.waitReady;
  } catch (error) {
    lock?.release();
    throw describeConnectionError(error, location, 'embedded');
  }
  const turns = new Turns();
  const connection = { pglite: takingTurns(pglite, turns) };
  // PGlite is one connection in this process; knex-pglite fixes the pool at one accordingly.
  // Given as a function: knex deep-copies a plain connection object, and a PGlite that is up
  // holds its whole WASM memory.
  const knex = knexFactory({
    log: KNEX_LOG,
    client: ClientPGLite,
    connection: (() => connection) as never,
    acquireConnectionTimeout: 120000,
  });
  let shared: SharedStore | undefined;
  return {
    knex: markOneSession(knex),
    backend: 'embedded',
    location,
    share: lock
      ? async () => {
          shared ??= await shareStore(pglite, turns, dataDir);
          return shared.where;
        }
      : undefined,
    close: async () => {
      await shared?.stop();
      await knex.destroy();
      lock?.release();
    },
  };
}

/** The database of the `hub serve` that holds the directory, with the ordinary PostgreSQL client. */
function openThroughHub(dataDir: string, address: StoreAddress): Database {
  // One connection, as on the embedded database itself: the same code then runs the same way.
  const db = openPostgres(endpointUrl(address.endpoint), { poolMax: 1, waitMs: SHARED_WAIT_MS });
  markOneSession(db.knex);
  return {
    ...db,
    backend: 'embedded-shared',
    location: `${path.resolve(dataDir)} (through "hub serve", process ${address.pid}, at ${describeEndpoint(address.endpoint)})`,
  };
}

function stillServing(dataDir: string, address: StoreAddress): boolean {
  return isAlive(address.pid) && readStoreAddress(dataDir, address.pid) !== undefined;
}

function notShared(dataDir: string, owner: number): DataDirInUseError {
  return new DataDirInUseError(
    `The embedded database in ${path.resolve(dataDir)} is in use by process ${owner}, which does not share it: another ` +
      'hub command, or a "hub serve" still starting. Wait for it to finish and try again, set HUB_DATA_DIR to another ' +
      'directory, or use PostgreSQL via DATABASE_URL to share one database.',
    owner,
  );
}
