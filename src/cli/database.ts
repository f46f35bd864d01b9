import type { HubConfig } from '../config/config';
import { openDatabase, type Database } from '../db/connect';
import { DatabaseUnavailableError } from '../db/connectionErrors';
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
  } catch (error) {
    throw db.backend === 'embedded-shared' && lostConnection(error) ? serverStopped(db) : error;
  } finally {
    await db.close();
  }
}

function lostConnection(error: unknown): boolean {
  const e = error as NodeJS.ErrnoException;
  return /Connection terminated/i.test(e?.message ?? '') || ['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'ENOENT'].includes(e?.code ?? '');
}

function serverStopped(db: Database): Error {
  return new DatabaseUnavailableError(
    `The embedded database in ${db.location} went away while this command ran: that hub serve stopped. ` +
      'What the command had not committed was rolled back; run it again.',
  );
}
