import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { adminQuery } from '../harness/postgres';

const run = promisify(execFile);
const PSQL = process.env.BENCH_PSQL ?? 'psql';

export interface CopyResult {
  /** Rows loaded, all tables together, and the time the loads took (exports not counted). */
  rows: number;
  seconds: number;
  /** Rows per table, in load order. */
  tables: Record<string, number>;
}

/** What the engine records about its own work: not stored data, so not part of the comparison. */
const BOOKKEEPING = new Set(['knex_migrations', 'knex_migrations_lock', 'sync_state', 'sync_runs', 'quarantine', 'scheduler_leases']);

/**
 * The physical limit the sync is compared with: the rows the sync stored, loaded with COPY into
 * empty tables that carry the same indexes. node-postgres cannot COPY FROM STDIN without
 * pg-copy-streams (not a dependency), so psql's \copy moves the data: it streams over the client
 * protocol like the sync does, rather than reading a file on the server.
 */
export async function copyBaseline(sourceUrl: string, targetUrl: string): Promise<CopyResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-copy-'));
  try {
    const result: CopyResult = { rows: 0, seconds: 0, tables: {} };
    for (const table of await storeTablesInLoadOrder(sourceUrl)) {
      const columns = await columnsOf(sourceUrl, table);
      const file = path.join(dir, `${table}.csv`);
      const exported = await psqlCopy(sourceUrl, `\\copy (SELECT ${columns} FROM ${table} ORDER BY 1) TO '${file}' csv`);
      // A table the stream left empty costs nothing to load; skip it rather than time a no-op.
      if (exported.rows === 0) continue;
      const loaded = await psqlCopy(targetUrl, `\\copy ${table} (${columns}) FROM '${file}' csv`);
      result.tables[table] = loaded.rows;
      result.rows += loaded.rows;
      result.seconds += loaded.seconds;
    }
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The store's tables, parents before children (a foreign key must find its row), read from the
 * catalog so that a table a later migration adds (disclosure_parties, say) is compared too.
 */
async function storeTablesInLoadOrder(url: string): Promise<string[]> {
  const rows = await adminQuery<{ name: string; parents: string[] }>(
    url,
    // ::text: node-postgres reads a text[] as an array, but hands a name[] back as its text ("{a,b}"),
    // whose characters then named no parent, so a child could load before its parent.
    `SELECT c.relname::text AS name, array_remove(array_agg(DISTINCT p.relname::text), NULL) AS parents
     FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
     LEFT JOIN pg_constraint f ON f.conrelid = c.oid AND f.contype = 'f' AND f.confrelid <> c.oid
     LEFT JOIN pg_class p ON p.oid = f.confrelid
     WHERE c.relkind = 'r'
     GROUP BY c.relname`,
  );
  const parents = new Map(rows.filter((r) => !BOOKKEEPING.has(r.name)).map((r) => [r.name, r.parents]));
  const ordered: string[] = [];
  const visit = (table: string) => {
    if (ordered.includes(table) || !parents.has(table)) return;
    for (const parent of parents.get(table) ?? []) visit(parent);
    ordered.push(table);
  };
  [...parents.keys()].sort().forEach(visit);
  return ordered;
}

/**
 * Every column, ids and timestamps included, so the loaded rows are the stored rows exactly; except
 * generated columns, which COPY may not set: the server computes them, as it did for the sync.
 */
async function columnsOf(url: string, table: string): Promise<string> {
  const rows = await adminQuery<{ column_name: string }>(
    url,
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '${table}' AND is_generated = 'NEVER' ORDER BY ordinal_position`,
  );
  if (rows.length === 0) throw new Error(`table ${table} not found: is the database migrated?`);
  return rows.map((r) => `"${r.column_name}"`).join(', ');
}

/**
 * One \copy through psql. The time is psql's own \timing of the COPY statement, so process start
 * and connection setup stay out of it; the wall time is the fallback should the line be missing.
 */
async function psqlCopy(url: string, command: string): Promise<{ rows: number; seconds: number }> {
  const started = performance.now();
  let stdout: string;
  try {
    ({ stdout } = await run(PSQL, ['-X', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', '\\timing on', '-c', command], { maxBuffer: 1 << 20 }));
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new Error(`${PSQL} not found: the COPY baseline needs the PostgreSQL client (or set BENCH_PSQL)`);
    throw new Error(`psql ${command.split(' ')[0]} failed: ${(e.stderr ?? e.message).trim()}`);
  }
  const wallSeconds = (performance.now() - started) / 1000;
  const rows = Number(/COPY (\d+)/.exec(stdout)?.[1] ?? NaN);
  const ms = Number(/Time: ([\d.]+) ms/.exec(stdout)?.[1] ?? NaN);
  if (!Number.isFinite(rows)) throw new Error(`psql did not report a row count for: ${command}\n${stdout}`);
  return { rows, seconds: Number.isFinite(ms) ? ms / 1000 : wallSeconds };
}
