import { HUB_COMPONENTS } from '../../app/components';
import { loadConfig } from '../../src/config/config';
import { startHub, type RunningHub } from '../../src/hub';
import { createLogger, type Logger } from '../../src/log';
import { createTestDatabase, type TestBackend, type TestDatabase } from './testDatabase';

export interface TestHub {
  hub: RunningHub;
  db: TestDatabase;
  stop(): Promise<void>;
}

export interface TestHubOptions {
  /** Where the hub's logs go (default: nowhere). */
  logger?: Logger;
  /** Rewrites the hub's DATABASE_URL, e.g. to reach the database through a proxy the test controls. */
  routeDatabaseUrl?: (url: string) => string;
}

/**
 * A real hub for an HTTP test: a fresh database of the given backend, the bundled sample feeds at
 * a small scale, the scheduler off, and the start-up sync finished before the tests run.
 */
export async function startTestHub(backend: TestBackend, env: Record<string, string> = {}, options: TestHubOptions = {}): Promise<TestHub> {
  const db = await createTestDatabase(backend, { migrate: false });
  await db.close(); // the hub opens the database itself, as `hub serve` does
  const routed: Record<string, string> = db.env.DATABASE_URL && options.routeDatabaseUrl ? { DATABASE_URL: options.routeDatabaseUrl(db.env.DATABASE_URL) } : {};
  const hub = await startHubWithEnv({ ...db.env, ...routed, ...env }, options.logger);
  return {
    hub,
    db,
    stop: async () => {
      await hub.close();
      await db.destroy();
    },
  };
}

/**
 * A hub on the databases `env` names (a test's own cluster, say), with the same defaults as
 * startTestHub: the sample feeds, the scheduler off, the start-up sync finished. The caller closes it.
 */
export async function startHubWithEnv(env: Record<string, string>, logger: Logger = createLogger('silent')): Promise<RunningHub> {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', HUB_SCHEDULE: 'off', HUB_SAMPLE_SCALE: '300', ...env });
  const hub = await startHub(config, HUB_COMPONENTS, logger);
  await hub.initialSync;
  return hub;
}

/** Start-up syncs every stream of every connector: allow for a busy two-core machine. */
export const HUB_START_TIMEOUT_MS = 600000;
