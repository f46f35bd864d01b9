import fs from 'node:fs';
import path from 'node:path';

/**
 * Where a running `hub serve` lets hub commands reach its embedded database: a file beside the lock
 * in the data directory. The lock file keeps its old form (the owner's pid alone), so hub versions
 * that know nothing of sharing still read it right. An address counts only while the process that
 * wrote it holds the lock: one left by a process that died is ignored.
 */
export type StoreEndpoint =
  /** A Unix socket, named as PostgreSQL clients expect: `<dir>/.s.PGSQL.<port>`. */
  | { socketDir: string; port: number }
  /** TCP on the loopback interface, where Unix sockets are not available. */
  | { host: '127.0.0.1'; port: number };

export interface StoreAddress {
  pid: number;
  endpoint: StoreEndpoint;
}

const ADDRESS_FILE = 'hub.socket.json';

export function addressPath(dataDir: string): string {
  return path.join(dataDir, ADDRESS_FILE);
}

/** Written whole or not at all (a rename), so a reader never sees half an address. */
export function writeStoreAddress(dataDir: string, address: StoreAddress): void {
  const temporary = `${addressPath(dataDir)}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(address)}\n`, { mode: 0o600 });
  fs.renameSync(temporary, addressPath(dataDir));
}

/** The address recorded by `owner`, the process that holds the lock; undefined if it shares none. */
export function readStoreAddress(dataDir: string, owner: number): StoreAddress | undefined {
  let address: StoreAddress;
  try {
    address = JSON.parse(fs.readFileSync(addressPath(dataDir), 'utf8')) as StoreAddress;
  } catch {
    return undefined; // none, or being replaced right now: as good as none
  }
  return address.pid === owner && isEndpoint(address.endpoint) ? address : undefined;
}

/** Removes the address unless another process recorded it. */
export function removeStoreAddress(dataDir: string, pid = process.pid): void {
  try {
    const recorded = JSON.parse(fs.readFileSync(addressPath(dataDir), 'utf8')) as StoreAddress;
    if (recorded.pid !== pid) return;
  } catch {
    // Unreadable: nobody can use it, so it goes.
  }
  fs.rmSync(addressPath(dataDir), { force: true });
}

/** Called by a new holder of the lock: an address found now was left by a holder that died. */
export function removeStaleAddress(dataDir: string): void {
  fs.rmSync(addressPath(dataDir), { force: true });
}

/** The connection string of the shared database, for the ordinary PostgreSQL client. */
export function endpointUrl(endpoint: StoreEndpoint): string {
  // PGlite answers as user and database "postgres" with no password, and has no TLS to offer.
  const base = 'postgres://postgres@localhost/postgres?sslmode=disable';
  if ('socketDir' in endpoint) return `${base}&host=${encodeURIComponent(endpoint.socketDir)}&port=${endpoint.port}`;
  return `postgres://postgres@${endpoint.host}:${endpoint.port}/postgres?sslmode=disable`;
}

export function describeEndpoint(endpoint: StoreEndpoint): string {
  return 'socketDir' in endpoint ? path.join(endpoint.socketDir, `.s.PGSQL.${endpoint.port}`) : `${endpoint.host}:${endpoint.port}`;
}

function isEndpoint(value: unknown): value is StoreEndpoint {
  const e = value as Partial<{ socketDir: string; host: string; port: number }> | undefined;
  if (!e || !Number.isInteger(e.port)) return false;
  return typeof e.socketDir === 'string' || e.host === '127.0.0.1';
}
