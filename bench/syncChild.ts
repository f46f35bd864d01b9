/**
 * One full sync of environment/air-hourly in a process of its own, so its peak RSS is the sync's
 * alone (not the feed server's or the benchmark's) and its CPU is not shared with the feed's
 * record generation. Prints one JSON line (ChildResult) on stdout and exits.
 *
 *   node bin/run-ts.js bench/syncChild.ts --db <database url> --feeds <feed server url>
 *
 * The database must be migrated already: migrations are not part of what is measured.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { CONNECTORS } from '../app/components';
import { DEFAULT_CITY } from '../src/config/city';
import { openDatabase } from '../src/db/connect';
import { runSync } from '../src/sync/runSync';
import { createHttpClient, type HttpClient } from '../src/sync/http/httpClient';
import { argParser } from './cliArgs';
import { BENCH_STREAM, type ChildResult } from './syncProcess';

async function main(): Promise<void> {
  const flags = argParser('usage: syncChild.ts --db <url> --feeds <url>').flags(process.argv.slice(2));
  if (!flags.db || !flags.feeds) throw new Error('usage: syncChild.ts --db <url> --feeds <url>');
  const db = await openDatabase({ databaseUrl: flags.db });
  try {
    const clock = instrument();
    const baselineRssKiB = Math.round(process.memoryUsage().rss / 1024);
    const started = performance.now();
    const [summary] = await runSync({
      knex: db.knex,
      connectors: CONNECTORS,
      feedUrl: () => flags.feeds,
      mapping: { city: DEFAULT_CITY },
      selectors: [BENCH_STREAM],
      full: true,
      trigger: 'manual',
      http: clock.http,
    });
    const syncSeconds = (performance.now() - started) / 1000;
    const result: ChildResult = {
      status: summary.status,
      error: summary.error,
      fetched: summary.fetched,
      inserted: summary.inserted,
      updated: summary.updated,
      quarantined: summary.quarantined,
      syncSeconds,
      maxRssKiB: process.resourceUsage().maxRSS,
      baselineRssKiB,
      phases: clock.phases(syncSeconds),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await db.close();
  }
}

/**
 * Times the two kinds of waiting the engine does, without touching src/: the HTTP client is
 * injectable, and every statement goes through pg's Client#query (BEGIN and COMMIT included, which
 * knex's query events leave out). The engine reads a page, then writes it, never both at once, so
 * the times add up to the wall time; the rest is JavaScript: validation, mapping, hashing.
 */
function instrument() {
  let fetchMs = 0;
  const base = createHttpClient();
  // Only getJson is timed: the benchmarked stream reads JSON pages. The spread keeps whatever
  // else the client offers, so this wrapper does not break when the interface grows.
  const http: HttpClient = {
    ...base,
    getJson: async (url, signal) => {
      const t = performance.now();
      try {
        return await base.getJson(url, signal);
      } finally {
        fetchMs += performance.now() - t;
      }
    },
  };

  const dbMs = new Map<string, number>();
  timeStatements((sql, ms) => {
    const label = statementLabel(sql);
    dbMs.set(label, (dbMs.get(label) ?? 0) + ms);
  });

  const phases = (wallSeconds: number) => {
    const dbSeconds = [...dbMs.values()].reduce((a, b) => a + b, 0) / 1000;
    const fetchSeconds = fetchMs / 1000;
    const dbByStatement = Object.fromEntries([...dbMs].sort((a, b) => b[1] - a[1]).map(([k, ms]) => [k, round(ms / 1000)]));
    return { fetchSeconds: round(fetchSeconds), dbSeconds: round(dbSeconds), otherSeconds: round(wallSeconds - fetchSeconds - dbSeconds), dbByStatement };
  };
  return { http, phases };
}

/** Wraps pg's Client#query, callback and promise forms alike, to report each statement's round trip. */
function timeStatements(report: (sql: string, ms: number) => void): void {
  type Query = (this: pg.Client, ...args: unknown[]) => unknown;
  const proto = pg.Client.prototype as unknown as { query: Query };
  const original = proto.query;
  proto.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string } | undefined;
    const sql = typeof first === 'string' ? first : (first?.text ?? '');
    const started = performance.now();
    const done = () => report(sql, performance.now() - started);
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === 'function') {
      args[last] = (...results: unknown[]) => {
        done();
        return callback(...results);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (result instanceof Promise) result.then(done, done);
    return result;
  };
}

/** A short name for a statement: its verb and table, enough to tell the engine's statements apart. */
function statementLabel(sql: string): string {
  const s = sql.replace(/\s+/g, ' ').trim().toLowerCase();
  const match = /^(insert into|update|delete from|select .*? from|begin|commit|rollback|savepoint|release savepoint)\s*"?([a-z_]*)/.exec(s);
  if (!match) return s.slice(0, 40);
  const verb = match[1].startsWith('select') ? 'select' : match[1];
  return match[2] ? `${verb} ${match[2]}` : verb;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

main().catch((error: unknown) => {
  process.stderr.write(`sync child failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
