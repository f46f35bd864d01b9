import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A throwaway PostgreSQL cluster of a test's own, on its own port: a fault test can stop, restart
 * or cut it without touching the machine's server or another suite's databases. It needs the
 * server binaries (initdb, pg_ctl, pg_basebackup); `clusterUnavailableReason()` says why a test
 * must skip where they are missing. PostgreSQL refuses to run as root, so under root (as CI runs)
 * every command runs as the `postgres` system user.
 */
export interface PgCluster {
  port: number;
  dir: string;
  /** A URL for a database of this cluster (`postgres` by default). */
  url(database?: string): string;
  start(): void;
  /** `fast`: disconnect clients and stop; `immediate`: stop as a crash would. */
  stop(mode?: 'fast' | 'immediate'): void;
  /** A streaming replica of this cluster (pg_basebackup -R), started on its own port. */
  replica(): Promise<PgCluster>;
  destroy(): void;
}

const BINARIES = ['initdb', 'pg_ctl', 'pg_basebackup'];

function binDir(): string | undefined {
  const fromPgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const candidates = [fromPgConfig.status === 0 ? fromPgConfig.stdout.trim() : '', ...serverBinDirs()];
  return candidates.find((dir) => dir && BINARIES.every((b) => fs.existsSync(path.join(dir, b))));
}

function serverBinDirs(): string[] {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root).sort().reverse().map((version) => path.join(root, version, 'bin'));
}

const asRoot = process.getuid?.() === 0;

/** Why no throwaway cluster can be made here, or undefined when one can. */
export function clusterUnavailableReason(): string | undefined {
  if (!binDir()) return `the PostgreSQL server binaries (${BINARIES.join(', ')}) are not installed`;
  if (asRoot && spawnSync('id', ['postgres']).status !== 0) return 'running as root and there is no postgres user to run the server as';
  return undefined;
}

function run(command: string, args: string[]): string {
  const bin = path.join(binDir()!, command);
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function ownedDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o700);
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  return dir;
}

/** Settings every throwaway cluster shares: loopback only, its own socket directory, replication on. */
function configure(dataDir: string, port: number, socketDir: string): void {
  const settings = [
    `port = ${port}`,
    `listen_addresses = '127.0.0.1'`,
    `unix_socket_directories = '${socketDir}'`,
    'wal_level = replica',
    'max_wal_senders = 4',
    'fsync = off',
    'max_connections = 50',
  ];
  fs.appendFileSync(path.join(dataDir, 'postgresql.auto.conf'), `${settings.join('\n')}\n`);
  fs.appendFileSync(path.join(dataDir, 'pg_hba.conf'), 'host replication all 127.0.0.1/32 trust\n');
}

function cluster(root: string, dataDir: string, port: number): PgCluster {
  const log = path.join(root, 'server.log');
  const self: PgCluster = {
    port,
    dir: root,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start: () => void run('pg_ctl', ['-D', dataDir, '-l', log, '-w', '-t', '120', 'start']),
    stop: (mode = 'fast') => void run('pg_ctl', ['-D', dataDir, '-m', mode, '-w', '-t', '120', 'stop']),
    replica: async () => {
      const replicaRoot = ownedDir('hub-replica-');
      const replicaData = path.join(replicaRoot, 'data');
      const replicaPort = await freePort();
      run('pg_basebackup', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-D', replicaData, '-R', '-X', 'stream']);
      fs.appendFileSync(path.join(replicaData, 'postgresql.auto.conf'), `port = ${replicaPort}\nunix_socket_directories = '${replicaRoot}'\n`);
      const replica = cluster(replicaRoot, replicaData, replicaPort);
      replica.start();
      return replica;
    },
    destroy: () => {
      try {
        self.stop('immediate');
      } catch {
        // already stopped
      }
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
  return self;
}

/** A new cluster, initialised and started. Call destroy() when done. */
export async function createCluster(): Promise<PgCluster> {
  const root = ownedDir('hub-cluster-');
  const dataDir = path.join(root, 'data');
  const port = await freePort();
  run('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
  configure(dataDir, port, root);
  const created = cluster(root, dataDir, port);
  created.start();
  return created;
}
