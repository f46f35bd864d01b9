/** Where the library's project list is served, under the connector's base URL. */
export const PROJECTS_PATH = '/ppp/projects';

// Only for the sample generators (sourceRecord.ts, malform.ts), which are moving to samples/: once
// they import the type from './schema', this line goes.
export type { PppProjectRecord } from './schema';
