import { adminQuery } from '../harness/postgres';
import { round } from '../harness/results';

/**
 * What PostgreSQL itself was doing around one sample, beside the hub's own figures: a slow interval
 * with the hub's CPU idle is PostgreSQL's (an autovacuum of a table the syncs rewrote, a checkpoint
 * flushing their writes, sessions queued on a lock), and the series says which.
 */
export interface DatabaseActivity {
  /** What each autovacuum worker was doing in the soak's database when the sample was taken. */
  autovacuum: string[];
  /** Checkpoints the server completed since the previous sample (cluster-wide: one server, one WAL). */
  checkpoints: number;
  /** Sessions on the soak's database waiting for a lock when the sample was taken. */
  lockWaits: number;
  /**
   * Statements running on the soak's database that were waiting on something other than a lock
   * when the sample was taken, by wait event ("IO:WALSync": 3): a slow interval with the cores
   * idle shows whether the statements waited on the disk, the WAL or a buffer.
   */
  waiting: Record<string, number>;
  /**
   * The statement that had been running longest when the sample was taken, if a second or more
   * (autovacuum aside): a slow interval with the hub waiting shows what it waited for.
   */
  slowest: SlowStatement | null;
}

export interface SlowStatement {
  seconds: number;
  /** Its text, blanks collapsed, cut to STATEMENT_CHARS. */
  statement: string;
}

/** A statement running this long is named beside its sample. */
const SLOW_SECONDS = 1;
/** Enough of a statement to tell which it is in a table's column. */
const STATEMENT_CHARS = 60;

/**
 * Reads DatabaseActivity at each sample. The checkpoint counter is cumulative, so the probe keeps
 * the previous reading; the rest are snapshots of pg_stat_activity at the sample's end (an
 * autovacuum shorter than the gap between samples can be missed; a slow one cannot).
 */
export class DatabaseActivityProbe {
  private checkpointsBefore?: number;

  constructor(private readonly databaseUrl: string) {}

  async read(): Promise<DatabaseActivity> {
    const [sessions, checkpointTotal] = await Promise.all([this.sessions(), this.checkpointTotal()]);
    const checkpoints = this.checkpointsBefore === undefined ? 0 : checkpointTotal - this.checkpointsBefore;
    this.checkpointsBefore = checkpointTotal;
    return { ...sessions, checkpoints };
  }

  private async sessions(): Promise<Omit<DatabaseActivity, 'checkpoints'>> {
    const rows = await adminQuery<{ backend_type: string; query: string; wait_event_type: string | null; wait_event: string | null; running_seconds: number | null }>(
      this.databaseUrl,
      `SELECT backend_type, query, wait_event_type, wait_event,
              CASE WHEN state = 'active' THEN extract(epoch FROM clock_timestamp() - query_start)::float8 END AS running_seconds
         FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    const autovacuum = rows.filter((r) => r.backend_type === 'autovacuum worker').map((r) => autovacuumWork(r.query));
    const statements = rows.filter((r) => r.backend_type === 'client backend' && r.running_seconds !== null);
    const waiting: Record<string, number> = {};
    for (const { wait_event_type: type, wait_event: event } of statements) {
      if (type && type !== 'Lock') waiting[`${type}:${event}`] = (waiting[`${type}:${event}`] ?? 0) + 1;
    }
    return { autovacuum, lockWaits: rows.filter((r) => r.wait_event_type === 'Lock').length, waiting, slowest: slowestStatement(statements) };
  }

  /** PostgreSQL 17 moved the checkpoint counters from pg_stat_bgwriter to pg_stat_checkpointer. */
  private async checkpointTotal(): Promise<number> {
    const [{ moved }] = await adminQuery<{ moved: boolean }>(this.databaseUrl, `SELECT to_regclass('pg_catalog.pg_stat_checkpointer') IS NOT NULL AS moved`);
    const sql = moved
      ? 'SELECT num_timed + num_requested AS total FROM pg_stat_checkpointer'
      : 'SELECT checkpoints_timed + checkpoints_req AS total FROM pg_stat_bgwriter';
    const [row] = await adminQuery<{ total: string }>(this.databaseUrl, sql);
    return Number(row.total);
  }
}

/** "autovacuum: VACUUM ANALYZE public.disclosures" → "VACUUM ANALYZE disclosures". */
export function autovacuumWork(query: string): string {
  return query.replace(/^autovacuum:\s*/, '').replace(/\bpublic\./g, '');
}

/** The longest-running of the statements, if it has run SLOW_SECONDS or more. */
function slowestStatement(rows: { query: string; running_seconds: number | null }[]): SlowStatement | null {
  const [longest] = [...rows].sort((a, b) => b.running_seconds! - a.running_seconds!);
  if (!longest || longest.running_seconds! < SLOW_SECONDS) return null;
  return { seconds: round(longest.running_seconds!, 1), statement: statementText(longest.query) };
}

/** "INSERT INTO\n  disclosures (…" → "INSERT INTO disclosures (…", cut to STATEMENT_CHARS with an ellipsis. */
export function statementText(query: string): string {
  const text = query.replace(/\s+/g, ' ').trim();
  return text.length > STATEMENT_CHARS ? `${text.slice(0, STATEMENT_CHARS - 1)}…` : text;
}

/**
 * A short text for the time series: "autovacuum VACUUM ANALYZE disclosures; 1 checkpoint; 2 lock
 * waits; waiting 3 IO:WALSync; 2.3 s in UPDATE …", or ''.
 */
export function activityText(a: DatabaseActivity): string {
  const waiting = Object.entries(a.waiting)
    .sort(([, x], [, y]) => y - x)
    .map(([event, n]) => `${n} ${event}`);
  const parts = [
    ...a.autovacuum.map((work) => `autovacuum ${work}`),
    a.checkpoints ? `${a.checkpoints} checkpoint${a.checkpoints > 1 ? 's' : ''}` : '',
    a.lockWaits ? `${a.lockWaits} lock wait${a.lockWaits > 1 ? 's' : ''}` : '',
    waiting.length ? `waiting ${waiting.join(', ')}` : '',
    a.slowest ? `${a.slowest.seconds} s in ${a.slowest.statement}` : '',
  ];
  return parts.filter(Boolean).join('; ');
}

/** Several samples' activity as one (a row of the series that stands for a run of samples). */
export function mergeActivity(activities: DatabaseActivity[]): DatabaseActivity {
  return {
    autovacuum: [...new Set(activities.flatMap((a) => a.autovacuum))],
    checkpoints: activities.reduce((n, a) => n + a.checkpoints, 0),
    lockWaits: Math.max(0, ...activities.map((a) => a.lockWaits)),
    waiting: mostWaiting(activities.map((a) => a.waiting)),
    slowest: activities.reduce<SlowStatement | null>((best, a) => (a.slowest && (!best || a.slowest.seconds > best.seconds) ? a.slowest : best), null),
  };
}

/** Each wait event's largest count in any of the snapshots: how many statements it held at once. */
function mostWaiting(snapshots: Record<string, number>[]): Record<string, number> {
  const most: Record<string, number> = {};
  for (const snapshot of snapshots) {
    for (const [event, n] of Object.entries(snapshot)) most[event] = Math.max(most[event] ?? 0, n);
  }
  return most;
}
