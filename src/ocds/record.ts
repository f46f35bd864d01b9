import { compileRelease, inDateOrder } from './merge';
import type { OcdsRecord, Release } from './types';

/**
 * The record of one contracting process: all its releases embedded, oldest first, and the compiled
 * release merged from them. Embedded rather than linked: a linked release needs a URL that serves
 * it for good, and the paged release list (http.ts) is not one.
 */
export function buildRecord(releases: readonly Release[]): OcdsRecord {
  if (releases.length === 0) throw new Error('a record needs at least one release');
  const ocid = releases[0].ocid;
  const stray = releases.find((r) => r.ocid !== ocid);
  if (stray) throw new Error(`release ${stray.id} has ocid ${stray.ocid}, not the record's ${ocid}`);
  const ordered = inDateOrder(releases);
  return { ocid, releases: ordered, compiledRelease: compileRelease(ordered) };
}
