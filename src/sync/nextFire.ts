import cron from 'node-cron';

/** When a cron expression fires next, as an ISO time; what `hub status` shows without a running scheduler. */
export function nextFire(expression: string, timezone: string): string | null {
  const task = cron.createTask(expression, () => undefined, { timezone });
  // getNextRun() answers only for a started task; getNextRuns() computes from the expression.
  const [next] = task.getNextRuns(1);
  void task.destroy();
  return next ? next.toISOString() : null;
}
