import type { HubConfig } from '../config/config';
import { openDatabase, type Database } from '../db/connect';
import { migrateLatest } from '../db/migrate';

/**
 * Opens the configured database for one CLI command and always closes it. On the embedded
 * database held by a running `hub serve`, the command uses it through the server's socket.
 */
export async function withDatabase<T>(config: HubConfig, work: (db: Database) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, joinRunningHub: true });
  try {
    if (options.migrate) await migrateLatest(db.knex);
    return await work(db);
  } finally {
    await db.close();
  }
}
