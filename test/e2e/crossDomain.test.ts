import type { RunningHub } from '../../src/hub';
import { startTestHub, HUB_START_TIMEOUT_MS, type TestHub } from '../helpers/hub';
import { buildSchema } from '../../src/graphql/schema';
import { findUnmaskedPersonalInfo } from '../../src/domain/masking';
import { BACKENDS } from '../helpers/testDatabase';
import { DOMAINS } from '../../src/domain/contract';
import { graphql } from '../helpers/graphql';
import { everyFieldFragment } from '../helpers/fullSelection';
import { leaksBesideLookAlikes } from '../helpers/plantedReview';

describe.each(BACKENDS)('one city across every domain on %s', (backend) => {
  let running: TestHub;
  let hub: RunningHub;

  beforeAll(async () => {
    running = await startTestHub(backend);
    hub = running.hub;
    const summaries = await hub.initialSync;
    // The four coded connectors and the four the plan's other areas declare as manifests.
    expect(new Set(summaries.map((s) => s.connector))).toEqual(new Set(['credit', 'trading', 'ppp', 'environment', 'policy', 'supervision', 'fiscal', 'powers']));
    expect(summaries.filter((s) => s.status === 'failed')).toEqual([]);
  }, HUB_START_TIMEOUT_MS);
  afterAll(() => running?.stop());

  test('an enterprise found by its lower-case code shows disclosures from at least three domains', async () => {
    const { rows } = await hub.db.knex.raw(`
      WITH involved AS (
        SELECT entity_uscc AS uscc, domain FROM disclosures WHERE entity_uscc IS NOT NULL
        UNION SELECT p.entity_uscc, d.domain FROM disclosure_parties p JOIN disclosures d ON d.id = p.disclosure_id
        WHERE p.entity_uscc IS NOT NULL AND p.role <> 'authority')
      SELECT uscc, count(DISTINCT domain) AS domains FROM involved GROUP BY uscc
      HAVING count(DISTINCT domain) >= 3 ORDER BY count(DISTINCT domain) DESC, uscc LIMIT 1`);
    expect(rows).toHaveLength(1);
    const code: string = rows[0].uscc;

    const { body } = await graphql(
      hub.url,
      `query($code: String!) { entity(uscc: $code) { uscc name usccValid creditChinaUrl
          disclosureCounts { domain count }
          creditSummary { penaltyCount penaltyTotalFine licenceCount abnormalListingCount seriousViolationListed }
          tradingAwards { projectCode amount awardedAt }
          pppRoles { role project { id title } }
          ${DOMAINS.map((d) => `${d.toLowerCase()}: disclosures(first: 1, filter: { domain: ${d} }) { totalCount }`).join('\n          ')} } }`,
      { code: `  ${code.toLowerCase()} ` },
    );
    expect(body.errors).toBeUndefined();
    const entity = body.data.entity;
    expect(entity.uscc).toBe(code);
    expect(entity.usccValid).toBe(true);
    expect(entity.creditChinaUrl).toContain(code);
    const domains = entity.disclosureCounts.filter((c: any) => c.count > 0).map((c: any) => c.domain);
    expect(domains.length).toBeGreaterThanOrEqual(3);
    for (const domain of domains) expect(entity[domain.toLowerCase()].totalCount).toBeGreaterThan(0);
  });

  test('an enterprise’s trading awards carry their notice’s project and one of its award values', async () => {
    const { rows } = await hub.db.knex.raw(`
      SELECT p.entity_uscc AS uscc FROM disclosure_parties p JOIN disclosures d ON d.id = p.disclosure_id
      WHERE p.role = 'supplier' AND d.kind = 'trading-notice' AND d.attributes->'noticeType'->>'type' = 'award' AND p.entity_uscc IS NOT NULL
      GROUP BY p.entity_uscc ORDER BY count(*) DESC, p.entity_uscc LIMIT 1`);
    expect(rows).toHaveLength(1);
    const { body } = await graphql(
      hub.url,
      `query($code: String!) { entity(uscc: $code) { tradingAwards { projectCode projectName amount
          notice { ... on TradingNotice { projectCode projectName awards { value { amountWan } } } } } } }`,
      { code: rows[0].uscc },
    );
    expect(body.errors).toBeUndefined();
    const awards = body.data.entity.tradingAwards;
    expect(awards.length).toBeGreaterThan(0);
    for (const award of awards) {
      expect(award.projectCode).toBe(award.notice.projectCode);
      expect(award.projectName).toBe(award.notice.projectName);
      const values = award.notice.awards.map((a: any) => a.value?.amountWan ?? null);
      expect(values).toContain(award.amount);
    }
    expect(awards.some((award: any) => typeof award.amount === 'number' && award.projectCode)).toBe(true);
  });

  /** The largest page (≤ 20) the API's cost limit accepts for this selection. */
  async function pageSizeWithinCost(query: string, kind: string): Promise<number> {
    const { body }: any = await graphql(hub.url, query, { k: kind, after: null, first: 20 });
    const found = /Cost limit of (\d+) exceeded, found ([\d.]+)/.exec(body.errors?.[0]?.message ?? '');
    return found ? Math.max(1, Math.floor((20 * Number(found[1])) / Number(found[2])) - 1) : 20;
  }

  test('no response over every disclosure carries an unmasked ID number or mobile number', async () => {
    const schema = buildSchema();
    const kinds: string[] = await hub.db.knex('disclosures').distinct('kind').pluck('kind');
    let scanned = 0;
    const leaks: string[] = [];
    // Kind by kind, each with every field of its GraphQL type: one query with all types at once
    // would exceed the cost limit the API enforces (rightly) on strangers.
    for (const kind of kinds) {
      const probe = await graphql(hub.url, `query($k: String) { disclosures(first: 1, filter: { kind: $k }) { edges { node { __typename } } } }`, { k: kind });
      const fragment = everyFieldFragment(schema, probe.body.data.disclosures.edges[0].node.__typename);
      const query = `query($k: String, $after: String, $first: Int) { disclosures(first: $first, after: $after, filter: { kind: $k }) {
          pageInfo { hasNextPage endCursor } edges { node { id kind title publisher
            subject { uscc name } revisions { version snapshot } ${fragment} } } } }`;
      const first = await pageSizeWithinCost(query, kind);
      let after: string | null = null;
      for (;;) {
        const { body }: any = await graphql(hub.url, query, { k: kind, after, first });
        expect(body.errors).toBeUndefined();
        const page = body.data.disclosures;
        scanned += page.edges.length;
        // A planted look-alike (samples/review) only has a personal number's shape: the review publishes it.
        leaks.push(...leaksBesideLookAlikes(findUnmaskedPersonalInfo(JSON.stringify(page.edges))).map((leak) => `${kind}: ${leak}`));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
    }
    const [{ n }] = await hub.db.knex('disclosures').count({ n: '*' });
    expect(scanned).toBe(Number(n));
    expect(leaks).toEqual([]);
    // The originals are kept for matching, and the detector finds them there: the scan above
    // could have failed.
    const originals = await hub.db.knex('disclosures').whereNotNull('personal').limit(200).pluck('personal');
    expect(findUnmaskedPersonalInfo(JSON.stringify(originals)).length).toBeGreaterThan(0);
  });
});
