import { codedTwin } from '../../bench/manifest/codedTwin';
import { loadJsonataVariant, manifestBenchConnectors, MANIFEST_FILE } from '../../bench/manifest/benchConnectors';
import { loadManifest } from '../../src/manifest/loadManifest';
import { mapRecord, mappingTarget } from '../../src/sync/mapRecord';
import { validatorFor } from '../../src/sync/validation';
import type { ConnectorDefinition } from '../../src/sync/stream';
import { licencesSample } from '../../samples/credit/licences';
import type { FeedOptions } from '../../samples/kit/feed';
import { MAPPING } from '../helpers/mapping';

/**
 * The manifest benchmark (npm run bench -- --only manifest) compares the times of a manifest and a
 * coded stream; that means something only if both do the same work. Here every sample record must
 * become the same stored row — title, dates, status, subject, parties, attributes, search text,
 * personal data and the content hash — through the coded twin, the manifest, and the manifest
 * evaluated by JSONata alone.
 */

// Natural persons are one licence in ten and states vary: 2,000 records meet every shape of the feed.
const OPTIONS: FeedOptions = { seed: 7, scale: 2000, malformedRate: 0, edition: 1 };
const records = Array.from({ length: licencesSample.count(OPTIONS) }, (_, i) => licencesSample.record(i, OPTIONS));

const rowsOf = (connector: ConnectorDefinition) => {
  const target = mappingTarget(connector, connector.streams[0]);
  return Promise.all(records.map(async (record) => {
    const row = await mapRecord(target, record, MAPPING);
    // The stream's name is the one thing that differs by design.
    return { ...row, stream: undefined };
  }));
};

describe('the manifest benchmark\'s twins', () => {
  it('every sample record is valid against the schema both share', () => {
    const validate = validatorFor(codedTwin.streams[0].schema);
    expect(records.flatMap((record, i) => validate(record).map((e) => `${i}: ${e.message}`))).toEqual([]);
  });

  it('the manifest maps every record to the coded twin\'s row, and so does its JSONata-only variant', async () => {
    const [coded, manifest, jsonata] = await Promise.all(manifestBenchConnectors().map(rowsOf));
    expect(manifest).toEqual(coded);
    expect(jsonata).toEqual(coded);
    // The content hash covers everything a reader sees: equal hashes, equal disclosures.
    expect(manifest.map((r) => r.content_hash)).toEqual(coded.map((r) => r.content_hash));
    expect(jsonata.map((r) => r.content_hash)).toEqual(coded.map((r) => r.content_hash));
    // The comparison has teeth: the feed's variety reaches the rows.
    expect(new Set(coded.map((r) => r.status))).toEqual(new Set(['published', 'revoked', 'cancelled']));
    expect(coded.some((r) => r.subject_uscc === null && r.personal && Object.keys(r.personal).length > 0)).toBe(true);
  });

  it('keys and cursors agree, each record\'s its own', () => {
    const [twin, manifest] = [codedTwin.streams[0], loadManifest(MANIFEST_FILE).connector.streams[0]];
    expect(records.map((r) => manifest.key(r))).toEqual(records.map((r) => twin.key(r)));
    expect(records.map((r) => manifest.cursor!(r))).toEqual(records.map((r) => twin.cursor!(r)));
    expect(new Set(records.map((r) => twin.key(r))).size).toBe(records.length);
  });

  it('the manifest is all quick-path expressions, and the variant is all JSONata', () => {
    const quick = loadManifest(MANIFEST_FILE).streams[0].mapping.fields;
    const slow = loadJsonataVariant().streams[0].mapping.fields;
    expect(Object.values(quick).filter((e) => !e!.quick).map((e) => e!.text)).toEqual([]);
    expect(Object.keys(slow)).toEqual(Object.keys(quick));
    expect(Object.values(slow).filter((e) => e!.quick).map((e) => e!.text)).toEqual([]);
  });
});
