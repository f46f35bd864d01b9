import type { Knex } from 'knex';
import type { Domain } from '../../domain/contract';
import type { ConnectorDefinition } from '../../sync/stream';
import { fullName, selectStreams } from '../../sync/selection';
import { scheduleOverrides } from '../../sync/scheduler';
import { isStale } from '../../sync/freshness';
import { latestRunsOfEachStream } from './latestRuns';

/** A stream as Feed serves it. */
export interface ServedFeed {
  name: string;
  connector: string;
  stream: string;
  domain: Domain;
  schedule: string | null;
  lastSuccessAt: Date | null;
  stale: boolean;
}

/** A successful run: everything was stored, or everything but the quarantined records. */
const SUCCESS = ['ok', 'partial'];

/** A replay re-validates quarantined records and reads nothing from the source: it makes no data fresher. */
const READS_NOTHING_FROM_THE_SOURCE = ['replay'];

/**
 * Every stream with its last successful sync and whether that is stale against its schedule. The
 * schedule is the one the scheduler runs: HUB_CRON_<CONNECTOR>_<STREAM>, else the stream's own.
 * One statement for all streams.
 */
export async function servedFeeds(knex: Knex, connectors: readonly ConnectorDefinition[], now = new Date()): Promise<ServedFeed[]> {
  const streams = selectStreams(connectors);
  const overrides = scheduleOverrides(process.env, connectors);
  const lastSuccesses = await latestRunsOfEachStream(knex, streams.map(fullName), {
    limit: 1,
    statuses: SUCCESS,
    exceptTriggers: READS_NOTHING_FROM_THE_SOURCE,
  });
  return streams.map((selected) => {
    const name = fullName(selected);
    const schedule = overrides[name] ?? selected.stream.schedule ?? null;
    const [lastSuccess] = lastSuccesses.get(name) ?? [];
    const lastSuccessAt = lastSuccess?.finished_at ? new Date(lastSuccess.finished_at) : null;
    return {
      name,
      connector: selected.connector.name,
      stream: selected.stream.name,
      domain: selected.connector.domain,
      schedule,
      lastSuccessAt,
      stale: isStale(lastSuccessAt, schedule, now),
    };
  });
}
