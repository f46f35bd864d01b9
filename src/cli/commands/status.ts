import type { Command } from 'commander';
import type { HubComponents } from '../../components';
import { loadConfig } from '../../config/config';
import { streamStatuses, type StreamStatus } from '../../sync/status';
import { scheduleOverrides } from '../../sync/scheduler';
import { reconcileOverrides } from '../../sync/reconcileSetting';
import { formatChinaTime } from '../../domain/chinaTime';
import { withDatabase } from '../database';
import { formatTable } from '../table';

export function registerStatus(program: Command, components: HubComponents): void {
  program
    .command('status')
    .description('show each stream: cursor, last run, next scheduled fire, open quarantine, its reconciliation, and records held for review')
    .option('--json', 'print JSON instead of the table')
    .action(async (options: { json?: boolean }) => {
      const { connectors } = components;
      const settings = { schedules: scheduleOverrides(process.env, connectors), reconciliations: reconcileOverrides(process.env, connectors) };
      const statuses = await withDatabase(loadConfig(), (db) => streamStatuses(db.knex, connectors, settings), { migrate: true });
      if (options.json) {
        process.stdout.write(`${JSON.stringify(statuses, null, 2)}\n`);
        return;
      }
      process.stdout.write(`${runsTable(statuses)}\n\n${reconciliationTable(statuses)}\n\n${reviewLines(statuses, new Date())}\n`);
      for (const s of statuses.filter((x) => x.lastRun?.error)) process.stdout.write(`${s.stream}: last run failed: ${s.lastRun!.error}\n`);
      for (const s of statuses.filter((x) => x.reconcile.lastRun?.error)) process.stdout.write(`${s.stream}: last reconciliation failed: ${s.reconcile.lastRun!.error}\n`);
    });
}

const time = (d: Date | string | null | undefined) => (d ? formatChinaTime(new Date(d)) : '');

function runsTable(statuses: StreamStatus[]): string {
  const rows = statuses.map((s) => [
    s.stream,
    s.disclosures,
    s.cursor ?? '(none)',
    s.lastRun ? `${s.lastRun.status} ${time(s.lastRun.startedAt)}` : 'never',
    s.lastRun ? `${s.lastRun.fetched}/${s.lastRun.inserted}/${s.lastRun.updated}/${s.lastRun.quarantined}` : '',
    s.nextRun ? time(s.nextRun) : 'not scheduled',
    s.quarantineOpen,
  ]);
  return formatTable(['stream', 'stored', 'cursor', 'last run (China time)', 'fetched/ins/upd/quar', 'next fire', 'quarantine open'], rows);
}

/** What each reconciliation found: corrections (records updated) and records the incremental reads missed (inserted). */
function reconciliationTable(statuses: StreamStatus[]): string {
  const rows = statuses.map(({ stream, reconcile: r }) => {
    if (r.state === 'every-run') return [stream, 'every run', 'whole source', '', '', r.note ?? ''];
    const last = r.lastRun;
    return [
      stream,
      r.schedule ?? 'off',
      r.window ?? '',
      last ? `${last.status} ${time(last.startedAt)}` : 'never',
      last ? `${last.updated}/${last.inserted}` : '',
      r.nextFire ? time(r.nextFire) : (r.note ?? ''),
    ];
  });
  return formatTable(['reconciliation', 'schedule', 'window', 'last (China time)', 'corrections/missed', 'next fire'], rows);
}

/** Streams with records held by the review (保密审查), and how long the oldest has waited; one line when none waits. */
function reviewLines(statuses: StreamStatus[], now: Date): string {
  const waiting = statuses.filter((s) => s.review.held > 0);
  if (!waiting.length) return 'review: nothing held';
  const rows = waiting.map(({ stream, review }) => [stream, review.held, time(review.oldestHeldAt), review.oldestHeldAt ? waited(review.oldestHeldAt, now) : '']);
  const total = waiting.reduce((sum, s) => sum + s.review.held, 0);
  return `${formatTable(['review', 'held', 'oldest held (China time)', 'waiting'], rows)}\n${total} held in all: "hub review list" shows them`;
}

/** How long since `since`, in the largest whole unit: 45 min, 3 h, 2 d. */
function waited(since: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60000));
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} d`;
}
