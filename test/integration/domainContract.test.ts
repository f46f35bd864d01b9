import type { Knex } from 'knex';
import { airHourly } from '../../connectors/environment/air-hourly/stream';
import type { RunningFeedServer } from '../../samples/kit/feedServer';
import { contractViolation, CREDIT, ENVIRONMENT, STATUS, type DisclosureInput } from '../../src/domain/contract';
import { runSync } from '../../src/sync/runSync';
import { connector, stream, type ConnectorDefinition } from '../../src/sync/stream';
import { fastHttp, startSampleFeeds } from '../helpers/feeds';
import { MAPPING, REVIEW } from '../helpers/mapping';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';

/** The air-hourly stream with its mapping changed by `change`: a connector with a bug in it. */
function brokenConnector(change: (input: DisclosureInput) => object): ConnectorDefinition {
  const broken = stream({ ...airHourly, toDisclosure: (r, context) => change(airHourly.toDisclosure(r, context)) as DisclosureInput });
  return connector({ name: 'environment', domain: 'ENVIRONMENT', streams: [broken] });
}

describe('the stored contract of each domain', () => {
  test('a kind, status or role outside the domain is named with what the domain allows', () => {
    const input = { kind: ENVIRONMENT.kinds.water, status: STATUS.published, parties: [] };
    expect(contractViolation('ENVIRONMENT', input)).toBeNull();
    expect(contractViolation('CREDIT', input)).toMatch(/kind "water-quality" is not one of the CREDIT domain's kinds \(administrative-licence, /);
    expect(contractViolation('ENVIRONMENT', { ...input, status: STATUS.listed })).toBe(
      `status "listed" is not one of the ENVIRONMENT domain's statuses (published)`,
    );
    expect(contractViolation('CREDIT', { kind: CREDIT.kinds.penalty, status: STATUS.published, parties: [{ role: 'supplier', name: 'x' }] })).toBe(
      `party role "supplier" is not one of the CREDIT domain's roles (authority)`,
    );
  });

  test('a snapshot stream whose removed status is not in its domain is refused when declared', () => {
    const snapshot = stream({ ...airHourly, mode: 'snapshot', removedStatus: STATUS.removed, reconcile: 'off' });
    expect(() => connector({ name: 'environment', domain: 'ENVIRONMENT', streams: [snapshot] })).toThrow(
      'stream "environment/air-hourly": removedStatus "removed" is not one of the ENVIRONMENT domain\'s statuses (published)',
    );
  });

  test('TypeScript refuses a status or kind no contract declares', () => {
    // npm test type-checks first: if either line below compiled, tsc would fail on the unused directive.
    // @ts-expect-error: "archived" is no stored status.
    const status: DisclosureInput['status'] = 'archived';
    // @ts-expect-error: "water-report" is no kind of any domain.
    const kind: DisclosureInput['kind'] = 'water-report';
    expect([status, kind]).toEqual(['archived', 'water-report']);
  });
});

describe.each(BACKENDS)('a connector that breaks its contract, on %s', (backend) => {
  let db: TestDatabase;
  let feeds: RunningFeedServer;
  let knex: Knex;

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    knex = db.knex;
    feeds = await startSampleFeeds({ scale: 50 });
  });
  afterAll(async () => {
    await feeds?.close();
    await db?.destroy();
  });

  const syncWith = (broken: ConnectorDefinition) =>
    runSync({ knex, connectors: [broken], feedUrl: () => feeds.url, mapping: MAPPING, review: REVIEW, http: fastHttp() }).then((s) => s[0]);

  test('an unknown status fails the run naming the stream, and stores nothing of it', async () => {
    const summary = await syncWith(brokenConnector((input) => ({ ...input, status: 'archived' })));
    expect(summary.status).toBe('failed');
    expect(summary.error).toBe(
      `environment/air-hourly wrote a disclosure its contract does not allow: status "archived" is not one of the ENVIRONMENT domain's statuses (published); fix the stream's mapping`,
    );
    expect(Number((await knex('disclosures').count({ n: '*' }))[0].n)).toBe(0);
    expect(Number((await knex('quarantine').count({ n: '*' }))[0].n)).toBe(0);
    const [run] = await knex('sync_runs').where({ stream: 'environment/air-hourly' }).orderBy('id', 'desc').limit(1);
    expect(run).toMatchObject({ status: 'failed', error: summary.error });
  });

  test('an unknown kind fails the same way, and the fixed connector then syncs', async () => {
    const summary = await syncWith(brokenConnector((input) => ({ ...input, kind: 'air-quality' })));
    expect(summary).toMatchObject({ status: 'failed' });
    expect(summary.error).toContain('kind "air-quality" is not one of the ENVIRONMENT domain\'s kinds');
    const fixed = await syncWith(connector({ name: 'environment', domain: 'ENVIRONMENT', streams: [airHourly] }));
    expect(fixed.status).not.toBe('failed');
    expect(fixed.inserted).toBeGreaterThan(0);
  });
});
