import type { Command } from 'commander';
import { loadConfig } from '../../config/config';
import { migrateLatest, migrateRollback } from '../../db/migrate';
import { withDatabase } from '../database';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (or undo the last batch with --rollback)')
    .option('--rollback', 'undo the last batch of migrations')
    .action(async (options: { rollback?: boolean }) => {
      await withDatabase(loadConfig(), async (db) => {
        const names = options.rollback ? await migrateRollback(db.knex) : await migrateLatest(db.knex);
        const verb = options.rollback ? 'rolled back' : 'applied';
        process.stdout.write(names.length ? `${verb}: ${names.join(', ')}\n` : `nothing to ${options.rollback ? 'roll back' : 'apply'}; the database is current\n`);
      });
    });
}
