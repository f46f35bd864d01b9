import type { Command } from 'commander';
import type { Knex } from 'knex';
import type { HubComponents } from '../../components';
import { loadConfig, type HubConfig } from '../../config/config';
import { discardQuarantined, listQuarantine, replayQuarantined, type QuarantineQuery } from '../../sync/quarantineAdmin';
import { createReviewer } from '../../review/reviewer';
import { withDatabase } from '../database';
import { formatTable } from '../table';
import { UsageError } from '../errors';

interface Scope {
  stream?: string;
  status?: string;
  limit?: string;
  json?: boolean;
}

/** The states a quarantine entry goes through, and `all`; anything else would list nothing. */
const STATUSES = ['open', 'replayed', 'superseded', 'discarded', 'all'];

export function registerQuarantine(program: Command, components: HubComponents): void {
  const q = program.command('quarantine').description('records the engine rejected, with their reasons');
  q.command('list')
    .description('list quarantined records (open ones unless --status says otherwise)')
    .option('--stream <name>', 'only this stream, e.g. environment/air-hourly')
    .option('--status <status>', `${STATUSES.slice(0, -1).join(', ')} or all`, 'open')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print JSON (with payloads)')
    .action(async (o: Scope) => {
      const status = requireStatus(o.status);
      const limit = requireLimit(o.limit);
      const entries = await withDatabase(loadConfig(), (db) => listQuarantine(db.knex, { stream: o.stream, status, limit }), { migrate: true });
      if (o.json) return void process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
      const rows = entries.map((e) => [e.id, e.stream, e.sourceKey ?? '', e.stage, e.seenCount, e.errors.map((x) => `${x.path || '/'}: ${x.message}`).join('; ')]);
      process.stdout.write(`${formatTable(['id', 'stream', 'source key', 'stage', 'seen', 'reasons'], rows)}\n`);
    });
  q.command('replay')
    .description('re-validate open entries (after a schema or mapping fix) and import what now passes')
    .argument('[ids...]', 'entry ids; none means every open entry of --stream (or of all streams)')
    .option('--stream <name>', 'only this stream')
    .action(async (ids: string[], o: Scope) => {
      const query = scope(ids, o);
      const config = loadConfig();
      const review = createReviewer(config.reviewRules);
      const result = await onOpenEntries(config, query, 'replayed', (knex) => replayQuarantined(knex, components.connectors, { city: config.city }, review, query));
      process.stdout.write(`replayed ${result.replayed}; still failing ${result.stillFailing}\n`);
    });
  q.command('discard')
    .description('mark entries as discarded (kept for the record, no longer open)')
    .argument('[ids...]', 'entry ids')
    .option('--stream <name>', 'every open entry of this stream')
    .action(async (ids: string[], o: Scope) => {
      const query = scope(ids, o);
      if (!query.ids?.length && !query.stream) throw new UsageError('name entry ids, or --stream <name> to discard all its open entries');
      const n = await onOpenEntries(loadConfig(), query, 'discarded', (knex) => discardQuarantined(knex, query));
      process.stdout.write(`discarded ${n}\n`);
    });
}

/** Runs `work` on the store once every id named is an open entry (else a usage error names the others). */
function onOpenEntries<T>(config: HubConfig, query: QuarantineQuery, verb: string, work: (knex: Knex) => Promise<T>): Promise<T> {
  return withDatabase(
    config,
    async (db) => {
      await requireOpenEntries(db.knex, query.ids ?? [], verb);
      return work(db.knex);
    },
    { migrate: true },
  );
}

function requireStatus(status = 'open'): string {
  if (!STATUSES.includes(status)) throw new UsageError(`--status "${status}" is not a quarantine status; use one of ${STATUSES.join(', ')}`);
  return status;
}

function requireLimit(limit = '100'): number {
  const n = Number(limit);
  if (!/^\d+$/.test(limit) || !Number.isSafeInteger(n) || n < 1) throw new UsageError(`--limit must be a whole number of 1 or more, got "${limit}"`);
  return n;
}

function scope(ids: string[], o: Scope): QuarantineQuery {
  const numbers = ids.map((id) => {
    const n = Number(id);
    if (!/^\d+$/.test(id) || !Number.isSafeInteger(n) || n <= 0) throw new UsageError(`"${id}" is not a quarantine entry id (see "hub quarantine list")`);
    return n;
  });
  return { ids: numbers, stream: o.stream };
}

/**
 * Ids the user named must be entries that can still be acted on: otherwise the command would
 * report "replayed 0" and exit 0, as if it had looked at them.
 */
async function requireOpenEntries(knex: Knex, ids: number[], action: string): Promise<void> {
  if (!ids.length) return;
  const found: Array<{ id: number; status: string }> = await knex('quarantine').whereIn('id', ids).select('id', 'status');
  const statusOf = new Map(found.map((row) => [Number(row.id), row.status]));
  const missing = ids.filter((id) => !statusOf.has(id));
  if (missing.length) {
    throw new UsageError(`no quarantine entry ${missing.join(', ')}: see "hub quarantine list --status all" for the ids that exist`);
  }
  const closed = ids.filter((id) => statusOf.get(id) !== 'open');
  if (closed.length) {
    const described = closed.map((id) => `${id} is ${statusOf.get(id)}`).join(', ');
    throw new UsageError(`only open entries can be ${action}: ${described} (see "hub quarantine list")`);
  }
}
