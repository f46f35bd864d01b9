import type { Knex } from 'knex';
import { CONNECTORS } from '../../connectors';
import { syncStream } from '../../src/sync/engine';
import { MAPPING, REVIEW } from '../helpers/mapping';
import { fastHttp } from '../helpers/feeds';
import { airReading, serveRecords, type RecordServer } from '../helpers/recordServer';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';

const environment = CONNECTORS.find((c) => c.name === 'environment')!;
const airHourly = environment.streams.find((s) => s.name === 'air-hourly')!;
const LONG = 2_000_000;

// The bigram function as migration 005 created it: the reference the replacement must agree with.
const REFERENCE = `
  CREATE OR REPLACE FUNCTION hub_bigrams_reference(input text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(array_agg(DISTINCT gram), '{}')
    FROM (SELECT substr(lower(input), i, 2) AS gram FROM generate_series(1, length(input) - 1) AS i) grams
    WHERE gram !~ '\\s'
  $$`;

const SAMPLES = [
  null,
  '',
  '处',
  '处罚',
  'A B',
  '行政处罚 决定书',
  '大庆市东风新村站 2026-11-01 08时 空气质量 AQI 61 良',
  'ÄÖ Ü x\ty\nz  double  space',
  'Mixed CASE Ascii and 中文 with 𠮷 and 😀 outside the BMP',
  '庆环罚〔2026〕12号 关于大庆某某化工有限公司（统一社会信用代码 91230600MA0XXXXX1）超标排放的处罚',
  '  leading and trailing  ',
];

describe.each(BACKENDS)('long text on %s', (backend) => {
  let db: TestDatabase;
  let knex: Knex;
  let feed: RecordServer;

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    knex = db.knex;
    const long = `东风新村${'监测'.repeat(LONG / 2)}`;
    feed = await serveRecords('/environment/air-hourly', [airReading(1, 1), airReading(2, 1, { positionName: long }), airReading(3, 1)], 10);
  });
  afterAll(async () => {
    await feed?.close();
    await db?.destroy();
  });

  test('hub_bigrams gives the bigrams the first version gave, in linear time', async () => {
    await knex.raw(REFERENCE);
    for (const text of SAMPLES) {
      const { rows } = await knex.raw('SELECT hub_bigrams(?) AS now, hub_bigrams_reference(?) AS before', [text, text]);
      expect({ text, grams: rows[0].now }).toEqual({ text, grams: rows[0].before });
    }
    // 50,000 characters took minutes with the first version (it lowered the text once per character).
    const started = Date.now();
    const { rows } = await knex.raw('SELECT cardinality(hub_bigrams(?)) AS n', [`${'处罚决定书'.repeat(10_000)}`]);
    expect(rows[0].n).toBe(5);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('a record with a 2,000,000-character field syncs in seconds and is searchable by a word at its start', async () => {
    const started = Date.now();
    const summary = await syncStream({ knex, connector: environment, stream: airHourly, baseUrl: feed.url, mapping: MAPPING, review: REVIEW, http: fastHttp(30000), timeLimitMs: 45000 });
    expect(summary.error).toBeUndefined();
    expect(summary).toMatchObject({ status: 'ok', fetched: 3, inserted: 3 });
    expect(Date.now() - started).toBeLessThan(20000);

    const found = await knex('disclosures')
      .whereRaw('search_grams @> hub_bigrams(?)', ['东风新村'])
      .whereRaw('search_text ILIKE ?', ['%东风新村%'])
      .select('source_key', knex.raw('length(search_text) AS searched'), knex.raw(`length(attributes->'station'->>'name') AS kept`));
    expect(found).toEqual([{ source_key: '1002A@2026-09-30 01:00:00', searched: expect.any(Number), kept: LONG + 4 }]);
    expect(found[0].searched).toBeLessThanOrEqual(10_000);
  }, 60000);
});
