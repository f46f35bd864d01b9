import type { RunReport } from '../../sync/runs';
/** A run as SyncRun serves it. */
export interface ServedSyncRun extends RunReport {
  id: string;
  stream: string;
  trigger: string;
  durationMs: number | null;
}

/** A row of `sync_runs` as SyncRun serves it. */
export function servedSyncRun(row: any): ServedSyncRun {
  const startedAt = new Date(row.started_at);
  const finishedAt = row.finished_at ? new Date(row.finished_at) : null;
  return {
    id: String(row.id),
    stream: row.stream,
    trigger: row.trigger,
    status: row.status,
    startedAt,
    finishedAt,
    durationMs: finishedAt ? finishedAt.getTime() - startedAt.getTime() : null,
    fetched: row.fetched,
    inserted: row.inserted,
    updated: row.updated,
    unchanged: row.unchanged,
    quarantined: row.quarantined,
    removed: row.removed,
    held: row.held,
    error: row.error,
  };
}
