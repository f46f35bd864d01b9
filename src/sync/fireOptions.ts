import type { RunCoordinator } from 'node-cron';

/**
 * How every task fires: in China time, never overlapping itself, and, across replicas, each fire
 * run by the one replica that takes its lease. The name prefixes the fire keys, so a stream's two
 * tasks (its sync and its reconciliation) never take each other's fires.
 */
export function fireOptions(options: { timezone?: string; fireLeaseMs?: number }, name: string, coordinator: RunCoordinator) {
  return {
    name,
    timezone: options.timezone ?? 'Asia/Shanghai',
    noOverlap: true,
    distributed: true,
    runCoordinator: coordinator,
    distributedLease: options.fireLeaseMs ?? 10 * 60 * 1000,
  };
}
