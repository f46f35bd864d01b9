import type { Command } from 'commander';
import type { HubComponents } from '../../components';
import { loadConfig } from '../../config/config';
import { discardQuarantined, listQuarantine, replayQuarantined, type QuarantineQuery } from '../../sync/quarantineAdmin';
import { withDatabase } from '../database';
import { formatTable } from '../table';
import { UsageError } from '../errors';

interface Scope {
  stream?: string;
  status?: string;
  limit?: string;
  json?: boolean;
}

export function registerQuarantine(program: Command, { connectors }: HubComponents): void {
  const q = program.command('quarantine').description('records the engine rejected, with their reasons');
  q.command('list')
    .description('list quarantined records (open ones unless --status says otherwise)')
    .option('--stream <name>', 'only this stream, e.g. environment/air-hourly')
    .option('--status <status>', 'open, replayed, superseded, discarded or all', 'open')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print JSON (with payloads)')
    .action(async (o: Scope) => {
      const entries = await withDatabase(loadConfig(), (db) => listQuarantine(db.knex, { stream: o.stream, status: o.status, limit: Number(o.limit) }), { migrate: true });
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
      const result = await withDatabase(config, (db) => replayQuarantined(db.knex, connectors, { city: config.city }, query), { migrate: true });
      process.stdout.write(`replayed ${result.replayed}; still failing ${result.stillFailing}\n`);
    });
  q.command('discard')
    .description('mark entries as discarded (kept for the record, no longer open)')
    .argument('[ids...]', 'entry ids')
    .option('--stream <name>', 'every open entry of this stream')
    .action(async (ids: string[], o: Scope) => {
      const query = scope(ids, o);
      if (!query.ids?.length && !query.stream) throw new UsageError('name entry ids, or --stream <name> to discard all its open entries');
      const n = await withDatabase(loadConfig(), (db) => discardQuarantined(db.knex, query), { migrate: true });
      process.stdout.write(`discarded ${n}\n`);
    });
}

function scope(ids: string[], o: Scope): QuarantineQuery {
  const numbers = ids.map((id) => {
    const n = Number(id);
    if (!Number.isInteger(n) || n <= 0) throw new UsageError(`"${id}" is not a quarantine entry id (see "hub quarantine list")`);
    return n;
  });
  return { ids: numbers, stream: o.stream };
}
