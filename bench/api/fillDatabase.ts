import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../src/db/connect';
import { startFeedServer } from '../../samples/kit/feedServer';
import { runSync } from '../../src/sync/runSync';
import { CONNECTORS, MAPPING, REVIEW, SAMPLE_FEEDS } from '../harness/hubParts';
import { progress } from '../harness/lifecycle';
import type { ApiBenchResults } from './report';

/**
 * Syncs every connector's sample feeds into the database at `scale` records per stream, as the
 * hub itself would, then VACUUM ANALYZE so the planner has statistics (and the visibility map is
 * set) as on a database autovacuum has seen.
 */
export async function fillDatabase(url: string, scale: number): Promise<ApiBenchResults['data']> {
  const feeds = await startFeedServer({ feeds: SAMPLE_FEEDS, scale, malformedRate: 0 });
  const database = await openDatabase({ databaseUrl: url });
  try {
    progress(`syncing every sample feed at ${scale} records per stream …`);
    const started = performance.now();
    const summaries = await runSync({ knex: database.knex, connectors: CONNECTORS, feedUrl: () => feeds.url, mapping: MAPPING, review: REVIEW, full: true, trigger: 'manual' });
    const syncSeconds = (performance.now() - started) / 1000;
    const failed = summaries.filter((s) => s.status !== 'ok');
    if (failed.length) throw new Error(`the sync failed: ${failed.map((s) => `${s.connector}/${s.stream} ${s.status}: ${s.error ?? ''}`).join('; ')}`);
    await database.knex.raw('VACUUM ANALYZE');
    const count = async (table: string) => Number((await database.knex(table).count({ n: '*' }))[0].n);
    const data = {
      disclosures: await count('disclosures'),
      entities: await count('entities'),
      parties: await count('disclosure_parties'),
      syncSeconds: Math.round(syncSeconds * 10) / 10,
    };
    progress(`  ${data.disclosures} disclosures, ${data.entities} entities in ${data.syncSeconds} s`);
    return data;
  } finally {
    await database.close();
    await feeds.close();
  }
}
