import { DEFAULT_CITY } from '../../src/config/city';
import type { MappingContext } from '../../src/sync/stream';

/** What the engine tells every mapping in these tests: the default city, as a fresh deployment has. */
export const MAPPING: MappingContext = { city: DEFAULT_CITY };
