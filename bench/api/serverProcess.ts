import type { ChildProcess } from 'node:child_process';
import { spawnBenchScript } from '../harness/childScript';
import type { Leftovers } from '../harness/lifecycle';
import { SERVERS, type ServerName, type Target } from './options';
import type { ChildMessage, ParentMessage, ServerStats } from './server';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A server started by startServer, in its own process. */
export interface ServerProcess {
  target: Target;
  /** The GraphQL endpoint. */
  url: string;
  pid: number;
  /** The server's statement count and CPU time; with `since`, also the statements sent after that count. */
  stats(since?: number): Promise<ServerStats>;
  /** Starts V8's CPU profiler in the server. */
  profileStart(): Promise<void>;
  /** Stops it and has the server write the profile to `file`. */
  profileStop(file: string): Promise<void>;
  /** Asks the server to close (writing its --cpu-prof profile, if any) and waits for it to exit. */
  stop(): Promise<void>;
  /** Ends the process at once; for Ctrl-C. */
  kill(): void;
}

export interface StartOptions {
  target: Target;
  databaseUrl: string;
  logLevel?: string;
  /** Hub only: sync from these feeds on the hub's own schedule; without, the schedule is off. */
  feedsUrl?: string;
  /** Hub only: its response cache (HUB_RESPONSE_CACHE); the hub's default, on, when not given. */
  responseCache?: 'on' | 'off';
  /** Added to the server's environment (the hub reads HUB_CRON_<CONNECTOR>_<STREAM> from it). */
  env?: Record<string, string>;
  /**
   * Another server script under bench/ speaking the same IPC (serveOverIpc), with its own
   * arguments after --db: bench/overhead/server.ts takes pieces out of the hub.
   */
  script?: { path: string; args: string[] };
}

export type Servers = Record<ServerName, ServerProcess>;

/**
 * Starts every server for `work`, each in its own process, and stops them when it ends, before the
 * database they use is dropped; `leftovers` kills them should the run be cut short.
 */
export function withServers<T>(leftovers: Leftovers, starts: Record<ServerName, StartOptions>, work: (servers: Servers) => Promise<T>): Promise<T> {
  const started: Partial<Servers> = {};
  const startFrom = (i: number): Promise<T> => {
    if (i === SERVERS.length) return work(started as Servers);
    const name = SERVERS[i];
    return withServer(leftovers, starts[name], (server) => {
      started[name] = server;
      return startFrom(i + 1);
    });
  };
  return startFrom(0);
}

/** One server in its own process for `work`, stopped when it ends, or killed by `leftovers` if the run is cut short. */
export async function withServer<T>(leftovers: Leftovers, options: StartOptions, work: (server: ServerProcess) => Promise<T>): Promise<T> {
  const server = await startServer(options);
  const stop = leftovers.track(async (interrupted) => (interrupted ? server.kill() : server.stop()));
  try {
    return await work(server);
  } finally {
    await stop();
  }
}

/**
 * Starts bench/api/server.ts in a child process and waits for it to listen. Its stdout goes to
 * /dev/null (the hub's logs, when a log level is set, cost what writing them costs and no more);
 * stderr is kept for the error message if it fails.
 */
function startServer(options: StartOptions): Promise<ServerProcess> {
  const args = options.script ? ['--db', options.databaseUrl, ...options.script.args] : ['--target', options.target, '--db', options.databaseUrl];
  if (options.logLevel) args.push('--log-level', options.logLevel);
  if (options.feedsUrl) args.push('--feeds', options.feedsUrl);
  if (options.responseCache) args.push('--response-cache', options.responseCache);
  const env = { ...process.env, ...options.env, NODE_ENV: 'production' };
  const child = spawnBenchScript(options.script?.path ?? 'api/server.ts', args, { env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk).slice(-4000)));
  const pending = new Map<number, (reply: Reply) => void>();

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${options.target} did not start within 180 s: ${stderr.trim()}`));
    }, 180_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${options.target} exited with ${code} before it was ready: ${stderr.trim()}`));
    });
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'failed') return; // its exit follows, with stderr
      if (message.type === 'reply') {
        pending.get(message.id)?.(message);
        pending.delete(message.id);
        return;
      }
      clearTimeout(timer);
      resolve(handle(options.target, child, message.url, pending));
    });
  });
}

type Reply = Extract<ChildMessage, { type: 'reply' }>;

function handle(target: Target, child: ChildProcess, url: string, pending: Map<number, (reply: Reply) => void>): ServerProcess {
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      // Whatever was asked of a server that died is answered with its death.
      for (const [id, answer] of pending) answer({ type: 'reply', id, error: `exited (${signal ?? code})` });
      pending.clear();
      resolve();
    }),
  );
  let nextId = 1;
  const ask = (message: DistributiveOmit<ParentMessage, 'id'>): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, (reply) => (reply.error ? reject(new Error(`${target}: ${reply.error}`)) : resolve(reply)));
      child.send({ ...message, id }, (error) => error && reject(error));
    });
  return {
    target,
    url,
    pid: child.pid!,
    stats: async (since) => (await ask({ type: 'stats', since })).stats!,
    profileStart: async () => void (await ask({ type: 'profile-start' })),
    profileStop: async (file) => void (await ask({ type: 'profile-stop', file })),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send({ type: 'stop' });
      const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(killer);
    },
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
