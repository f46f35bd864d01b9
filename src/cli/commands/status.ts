import type { Command } from 'commander';
import type { HubComponents } from '../../components';
import { loadConfig } from '../../config/config';
import { streamStatuses } from '../../sync/status';
import { scheduleOverrides } from '../../sync/scheduler';
import { formatChinaTime } from '../../domain/chinaTime';
import { withDatabase } from '../database';
import { formatTable } from '../table';

export function registerStatus(program: Command, { connectors }: HubComponents): void {
  program
    .command('status')
    .description('show each stream: cursor, last run, next scheduled fire, open quarantine')
    .option('--json', 'print JSON instead of the table')
    .action(async (options: { json?: boolean }) => {
      const statuses = await withDatabase(loadConfig(), (db) => streamStatuses(db.knex, connectors, scheduleOverrides(process.env, connectors)), { migrate: true });
      if (options.json) {
        process.stdout.write(`${JSON.stringify(statuses, null, 2)}\n`);
        return;
      }
      const time = (d: Date | string | null | undefined) => (d ? formatChinaTime(new Date(d)) : '');
      const rows = statuses.map((s) => [
        s.stream,
        s.disclosures,
        s.cursor ?? '(none)',
        s.lastRun ? `${s.lastRun.status} ${time(s.lastRun.startedAt)}` : 'never',
        s.lastRun ? `${s.lastRun.fetched}/${s.lastRun.inserted}/${s.lastRun.updated}/${s.lastRun.quarantined}` : '',
        s.nextRun ? time(s.nextRun) : 'not scheduled',
        s.quarantineOpen,
      ]);
      process.stdout.write(
        `${formatTable(['stream', 'stored', 'cursor', 'last run (China time)', 'fetched/ins/upd/quar', 'next fire', 'quarantine open'], rows)}\n`,
      );
      for (const s of statuses.filter((x) => x.lastRun?.error)) process.stdout.write(`${s.stream}: last run failed: ${s.lastRun!.error}\n`);
    });
}
