import os from 'node:os';
import type { Knex } from 'knex';

export type RunStatus = 'running' | 'ok' | 'partial' | 'failed';
export type RunTrigger = 'manual' | 'schedule' | 'startup' | 'api' | 'replay' | 'reconcile';

export interface RunCounts {
  fetched: number;
  inserted: number;
  updated: number;
  unchanged: number;
  quarantined: number;
  removed: number;
  /** Records not published because the review holds them for a decision (src/review). */
  held: number;
}

/** A finished or running run as status views show it: who started it, how it went, its counts. */
export interface RunReport extends RunCounts {
  status: string;
  startedAt: Date;
  finishedAt: Date | null;
  error: string | null;
}

export const zeroCounts = (): RunCounts => ({ fetched: 0, inserted: 0, updated: 0, unchanged: 0, quarantined: 0, removed: 0, held: 0 });

export const processHolder = () => `${os.hostname()}:${process.pid}`;

export async function startRun(knex: Knex, stream: string, trigger: RunTrigger, timeLimitMs: number, cursorFrom?: string): Promise<number> {
  const [row] = await knex('sync_runs')
    .insert({
      stream,
      trigger,
      status: 'running',
      cursor_from: cursorFrom ?? null,
      deadline_at: knex.raw(`now() + (? || ' milliseconds')::interval`, [String(timeLimitMs)]),
      host: os.hostname(),
      pid: process.pid,
    })
    .returning('id');
  return Number(row.id ?? row);
}

/** Adds a batch's counts; runs inside the batch's transaction so counts and rows agree. */
export async function addRunCounts(trx: Knex.Transaction, runId: number, counts: Partial<RunCounts>, cursorTo?: string): Promise<void> {
  const increments: Record<string, Knex.Raw> = {};
  for (const [field, n] of Object.entries(counts)) {
    if (n) increments[field] = trx.raw('?? + ?', [field, n]);
  }
  await trx('sync_runs')
    .where({ id: runId })
    .update({ ...increments, heartbeat_at: trx.fn.now(), ...(cursorTo ? { cursor_to: cursorTo } : {}) });
}

export async function finishRun(knex: Knex, runId: number, status: Exclude<RunStatus, 'running'>, error?: string): Promise<void> {
  await knex('sync_runs')
    .where({ id: runId, status: 'running' })
    .update({ status, error: error ?? null, finished_at: knex.fn.now(), heartbeat_at: knex.fn.now() });
}

/**
 * Marks as failed the runs that can no longer finish: past their time limit, silent for longer than
 * `staleAfterMs`, or owned by a process on this host that no longer exists. Without this, a killed
 * process leaves its run "running" for ever.
 */
export async function reapDeadRuns(knex: Knex, staleAfterMs: number): Promise<number> {
  const running: Array<{ id: number; host: string; pid: number; overdue: boolean; stale: boolean }> = await knex('sync_runs')
    .where({ status: 'running' })
    .select(
      'id',
      'host',
      'pid',
      knex.raw('deadline_at < now() AS overdue'),
      knex.raw(`heartbeat_at < now() - (? || ' milliseconds')::interval AS stale`, [String(staleAfterMs)]),
    );
  let reaped = 0;
  for (const run of running) {
    const reason = run.overdue
      ? 'reaped: the run passed its time limit'
      : run.stale
        ? 'reaped: no heartbeat from its process'
        : run.host === os.hostname() && !processAlive(run.pid)
          ? `reaped: its process ${run.pid} is gone`
          : undefined;
    if (!reason) continue;
    reaped += await knex('sync_runs')
      .where({ id: run.id, status: 'running' })
      .update({ status: 'failed', error: reason, finished_at: knex.fn.now() });
  }
  return reaped;
}

export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
