import { adminQuery } from '../harness/postgres';
import { round } from '../harness/results';

/** What the hub's scheduled sync runs did over the soak, from its own bookkeeping (sync_runs). */
export interface SyncSummary {
  runs: number;
  byStatus: Record<string, number>;
  fetched: number;
  inserted: number;
  updated: number;
  quarantined: number;
  meanSeconds: number;
  maxSeconds: number;
  /** The first few failed runs, with the hub's reason. */
  failures: Array<{ stream: string; error: string | null }>;
}

/** How many sync runs overlapped [from, to]: started before it ended, not finished before it began. */
export async function syncRunsOverlapping(databaseUrl: string, from: Date, to: Date): Promise<number> {
  const [row] = await adminQuery<{ n: string }>(
    databaseUrl,
    `SELECT count(*) AS n FROM sync_runs WHERE started_at < '${to.toISOString()}' AND (finished_at IS NULL OR finished_at > '${from.toISOString()}')`,
  );
  return Number(row.n);
}

export async function scheduledSyncSummary(databaseUrl: string): Promise<SyncSummary> {
  const scheduled = `FROM sync_runs WHERE trigger = 'schedule'`;
  const statuses = await adminQuery<{ status: string; runs: string }>(databaseUrl, `SELECT status, count(*) AS runs ${scheduled} GROUP BY status ORDER BY status`);
  const [totals] = await adminQuery<Record<'runs' | 'fetched' | 'inserted' | 'updated' | 'quarantined' | 'mean' | 'max', string>>(
    databaseUrl,
    `SELECT count(*) AS runs, coalesce(sum(fetched), 0) AS fetched, coalesce(sum(inserted), 0) AS inserted, coalesce(sum(updated), 0) AS updated,
            coalesce(sum(quarantined), 0) AS quarantined, coalesce(avg(extract(epoch FROM finished_at - started_at)), 0) AS mean,
            coalesce(max(extract(epoch FROM finished_at - started_at)), 0) AS max ${scheduled}`,
  );
  const failures = await adminQuery<{ stream: string; error: string | null }>(databaseUrl, `SELECT stream, error ${scheduled} AND status = 'failed' ORDER BY started_at LIMIT 5`);
  return {
    runs: Number(totals.runs),
    byStatus: Object.fromEntries(statuses.map((s) => [s.status, Number(s.runs)])),
    fetched: Number(totals.fetched),
    inserted: Number(totals.inserted),
    updated: Number(totals.updated),
    quarantined: Number(totals.quarantined),
    meanSeconds: round(Number(totals.mean), 2),
    maxSeconds: round(Number(totals.max), 2),
    failures,
  };
}
