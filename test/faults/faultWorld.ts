import type { RunningFeedServer } from '../../samples/kit/feedServer';
import { startSampleFeeds } from '../helpers/feeds';
import { createTestDatabase, type TestBackend, type TestDatabase } from '../helpers/testDatabase';
import { cleanReference, SAMPLE_SCALE, SETUP_TIMEOUT_MS, type CleanReference } from './cleanReference';
import { emptyStore } from './emptyStore';

/** What every source-fault case works in: the sample feeds, a database, and a clean sync's state. */
export interface FaultWorld {
  feeds: RunningFeedServer;
  db: TestDatabase;
  clean: CleanReference;
}

/**
 * Registers the suite's hooks: feeds, database and the clean reference once per suite, an empty
 * store before each case, everything closed after. The returned object is filled in by beforeAll.
 */
export function faultWorld(backend: TestBackend): FaultWorld {
  const world = {} as FaultWorld;
  beforeAll(async () => {
    world.feeds = await startSampleFeeds({ scale: SAMPLE_SCALE });
    world.db = await createTestDatabase(backend);
    world.clean = await cleanReference(world.db.knex, world.feeds);
  }, SETUP_TIMEOUT_MS);
  beforeEach(() => emptyStore(world.db.knex));
  afterAll(async () => {
    await world.feeds?.close();
    await world.db?.destroy();
  }, SETUP_TIMEOUT_MS);
  return world;
}
