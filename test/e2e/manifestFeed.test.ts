import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunningHub } from '../../src/hub';
import { runHub } from '../helpers/cli';
import { graphql } from '../helpers/graphql';
import { HUB_START_TIMEOUT_MS, startTestHub, type TestHub } from '../helpers/hub';
import { serveRecordsAt, type RecordServer } from '../helpers/recordServer';
import { BACKENDS } from '../helpers/testDatabase';

/**
 * A data team adds a feed with a manifest and nothing else: a feed this test serves (noise
 * monitoring points and their readings, in the source's own field names), a manifest and a record
 * schema this test writes into HUB_CONNECTORS_DIR. The hub syncs it at start-up and serves it by
 * every generic query; a broken manifest is refused with its places.
 */

const ADMIN = { authorization: 'Bearer manifest-admin' };

const OPERATOR = { name: '大庆东湖环境监测有限公司', uscc: '91230602128765432Y' };

const points = [
  { jcdbm: 'ZS-01', jcdmc: '东湖 1 号点', szqx: '萨尔图', gnqlb: '1类' },
  { jcdbm: 'ZS-02', jcdmc: '乘风 2 号点', szqx: '大庆市让胡路区', gnqlb: '2类' },
];

function reading(id: number, point: string, dayLeq: string | undefined) {
  return { jlid: `R-${id}`, jcdbm: point, jcyf: `2026-0${id}`, zdl: dayLeq, ydl: '44.0', yydw: OPERATOR.name, yydwdm: OPERATOR.uscc, gxsj: `2026-0${id}-28 09:00:00` };
}

/** Four readings, one of them without its daytime level: the schema quarantines it. */
const firstReadings = () => [reading(1, 'ZS-01', '55.2'), reading(2, 'ZS-02', '58.9'), reading(3, 'ZS-01', undefined), reading(4, 'ZS-01', '53.0')];

const READING_SCHEMA = {
  type: 'object',
  required: ['jlid', 'jcdbm', 'jcyf', 'zdl', 'gxsj'],
  properties: {
    jlid: { type: 'string' },
    jcdbm: { type: 'string' },
    jcyf: { type: 'string', pattern: '^\\d{4}-\\d{2}$', description: 'A month such as 2026-09' },
    zdl: { type: 'string', pattern: '^\\d+(\\.\\d+)?$', description: 'A daytime level in dB(A) such as 55.2' },
    ydl: { type: 'string' },
    gxsj: { type: 'string', format: 'date-cn' },
  },
};

const MANIFEST = `connector: noise
domain: ENVIRONMENT
description: 大庆市 功能区声环境质量监测 (a test's own feed)
streams:
  - name: points
    kind: noise-point
    source: { format: json, path: /noise/points }
    schema:
      type: object
      required: [jcdbm, jcdmc]
    key: jcdbm
    mapping:
      title: jcdmc
      publishedAt: "'2026-01-01'"
      status: "'published'"
      region: szqx
      attributes: '{ "code": jcdbm, "zoneClass": gnqlb }'
  - name: readings
    kind: noise-reading
    source: { format: json, path: /noise/readings, sinceParam: since }
    schema: readings.schema.json
    key: jlid
    cursor: gxsj
    links:
      - relation: measured-at
        stream: points
        key: jcdbm
    mapping:
      title: jcdbm & ' ' & jcyf & ' 声环境监测结果'
      publishedAt: gxsj
      status: "'published'"
      publisher: "'大庆市生态环境局'"
      subject: '{ "name": yydw, "uscc": yydwdm }'
      attributes: '{ "month": jcyf, "dayLeq": $number(zdl), "nightLeq": $number(ydl), "exceedsDay": $number(zdl) > 55 }'
      searchText: '"噪声 " & jcyf'
`;

/**
 * A county bureau's own penalty export, as a manifest reusing the built-in penalty model: its
 * records are served as AdministrativePenalty and counted in the enterprise's credit summary. The
 * second record's mapped attributes miss the penalty shape (a fine that is not a number).
 */
const COUNTY_PENALTIES = [
  { wsh: '杜蒙综执罚〔2026〕12号', dsr: OPERATOR.name, dm: OPERATOR.uscc, jg: '杜尔伯特蒙古族自治县综合行政执法局', jdrq: '2026-05-06', fk: '2.5', ss: '夜间施工噪声超标。', yj: '《中华人民共和国噪声污染防治法》第七十七条', nr: '罚款2.5万元' },
  { wsh: '杜蒙综执罚〔2026〕13号', dsr: OPERATOR.name, dm: OPERATOR.uscc, jg: '杜尔伯特蒙古族自治县综合行政执法局', jdrq: '2026-05-07', fk: '两万', ss: '同上。', yj: '同上', nr: '罚款' },
];

const PENALTY_MANIFEST = `connector: county-credit
domain: CREDIT
streams:
  - name: penalties
    kind: administrative-penalty
    source: { format: json, path: /county/penalties }
    schema: { type: object, required: [wsh, dsr, jg, jdrq] }
    key: wsh
    mapping:
      title: "'行政处罚决定书 ' & wsh"
      publishedAt: jdrq
      status: "'published'"
      publisher: jg
      region: "'杜尔伯特'"
      subject: '{ "name": dsr, "uscc": dm }'
      parties: '[{ "role": "authority", "name": jg }]'
      attributes: |
        {
          "party": { "name": dsr, "category": { "code": "LEGAL_PERSON", "name": "法人及非法人组织" },
                     "registrationNumbers": { "businessRegistration": null, "organisationCode": null, "taxRegistration": null,
                                              "publicInstitution": null, "socialOrganisation": null },
                     "legalRepresentative": null, "idType": null, "idNumberMasked": null },
          "decision": { "documentNumber": wsh, "date": jdrq },
          "caseName": null, "violationType": null, "facts": ss, "basis": yj,
          "categories": [{ "code": "FINE", "name": "罚款" }], "content": nr,
          "fine": $contains(fk, /^[0-9.]+$/) ? $number(fk) : fk, "confiscation": null, "suspendedOrRevokedLicence": null,
          "validUntil": null, "publicityUntil": null,
          "authority": { "name": jg, "uscc": null }, "dataSource": { "name": jg, "uscc": null },
          "remarks": null, "warnings": []
        }
`;

const GENERIC = `id kind title domain status publisher division { name code }
  subject { uscc name }
  revisions { version snapshot }
  ... on GenericDisclosure { attributes links { relation direction stream key disclosure { id title } } }`;

function manifestDir(manifest: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'connectors-'));
  fs.writeFileSync(path.join(dir, 'noise.yaml'), manifest);
  fs.writeFileSync(path.join(dir, 'readings.schema.json'), JSON.stringify(READING_SCHEMA));
  fs.writeFileSync(path.join(dir, 'county-credit.yaml'), PENALTY_MANIFEST);
  return dir;
}

describe.each(BACKENDS)('a feed added with a manifest only, on %s', (backend) => {
  let feed: RecordServer;
  let running: TestHub;
  let hub: RunningHub;
  let dir: string;
  // The feed as this backend's hub reads it; a test changes it to publish a correction.
  const readings = firstReadings();

  const ask = async (query: string, variables?: object) => {
    const { body } = await graphql(hub.url, query, variables);
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const byKind = async (kind: string) =>
    (await ask(`query($kind: String) { disclosures(first: 50, filter: { kind: $kind }, orderBy: PUBLISHED_ASC) { totalCount edges { node { ${GENERIC} } } } }`, { kind }))
      .disclosures;

  beforeAll(async () => {
    dir = manifestDir(MANIFEST);
    feed = await serveRecordsAt({ '/noise/points': points, '/noise/readings': readings, '/county/penalties': COUNTY_PENALTIES }, 2);
    running = await startTestHub(backend, { HUB_CONNECTORS_DIR: dir, HUB_FEED_NOISE_URL: feed.url, HUB_FEED_COUNTY_CREDIT_URL: feed.url, HUB_ADMIN_TOKEN: 'manifest-admin', HUB_RESPONSE_CACHE: 'off' });
    hub = running.hub;
  }, HUB_START_TIMEOUT_MS);

  afterAll(async () => {
    await running?.stop();
    await feed?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('syncs at start-up: valid records served as GenericDisclosure, the invalid one quarantined with its reason', async () => {
    const list = await byKind('noise-reading');
    expect(list.totalCount).toBe(3);
    const first = list.edges[0].node;
    expect(first).toMatchObject({
      kind: 'noise-reading',
      domain: 'ENVIRONMENT',
      title: 'ZS-01 2026-01 声环境监测结果',
      status: 'PUBLISHED',
      publisher: '大庆市生态环境局',
      subject: { uscc: OPERATOR.uscc, name: OPERATOR.name },
      attributes: { month: '2026-01', dayLeq: 55.2, nightLeq: 44, exceedsDay: true },
    });
    const { body } = await graphql(hub.url, `{ quarantine(stream: "noise/readings") { sourceKey stage errors { path message } } }`, undefined, ADMIN);
    expect(body.data.quarantine).toEqual([{ sourceKey: 'R-3', stage: 'validate', errors: [{ path: '/zdl', message: 'required field "zdl" is missing' }] }]);
  });

  test('its region is placed in the city vocabulary, whatever the feed wrote', async () => {
    const list = await byKind('noise-point');
    expect(list.edges.map((e: any) => e.node.division)).toEqual([
      { name: '萨尔图区', code: '230602' },
      { name: '让胡路区', code: '230604' },
    ]);
  });

  test('links are served both ways: a reading to its point, a point to its readings', async () => {
    const [reading] = (await byKind('noise-reading')).edges.map((e: any) => e.node);
    expect(reading.links).toEqual([{ relation: 'measured-at', direction: 'OUTGOING', stream: 'noise/points', key: 'ZS-01', disclosure: { id: expect.any(String), title: '东湖 1 号点' } }]);
    const point = (await ask(`query($id: ID!) { disclosure(id: $id) { ${GENERIC} } }`, { id: reading.links[0].disclosure.id })).disclosure;
    expect(point.links.map((l: any) => [l.relation, l.direction, l.key, l.disclosure.title])).toEqual([
      ['measured-at', 'INCOMING', 'R-1', 'ZS-01 2026-01 声环境监测结果'],
      ['measured-at', 'INCOMING', 'R-4', 'ZS-01 2026-04 声环境监测结果'],
    ]);
  });

  test('is searched, counted and shown on the enterprise profile like a built-in domain', async () => {
    const found = await ask(`{ disclosures(search: "声环境监测", filter: { domain: ENVIRONMENT }) { totalCount } }`);
    expect(found.disclosures.totalCount).toBe(3);
    const stats = await ask(`{ stats(groupBy: KIND, filter: { domain: ENVIRONMENT }) { key count } }`);
    expect(stats.stats).toEqual(expect.arrayContaining([{ key: 'noise-reading', count: 3 }, { key: 'noise-point', count: 2 }]));
    const profile = await ask(`query($uscc: String!) { entity(uscc: $uscc) { name disclosures(first: 10, filter: { kind: "noise-reading" }) { totalCount } } }`, { uscc: OPERATOR.uscc });
    expect(profile.entity).toEqual({ name: OPERATOR.name, disclosures: { totalCount: 3 } });
  });

  test('a manifest may reuse a built-in model: its penalty is an AdministrativePenalty, in the credit summary', async () => {
    const penalties = await ask(`{ disclosures(filter: { kind: "administrative-penalty", publisher: "杜尔伯特蒙古族自治县综合行政执法局" }) {
      totalCount edges { node { __typename title division { name } ... on AdministrativePenalty { fine decision { documentNumber date } party { name category { code } } } } } } }`);
    expect(penalties.disclosures.totalCount).toBe(1);
    expect(penalties.disclosures.edges[0].node).toEqual({
      __typename: 'AdministrativePenalty',
      title: '行政处罚决定书 杜蒙综执罚〔2026〕12号',
      division: { name: '杜尔伯特蒙古族自治县' },
      fine: 2.5,
      decision: { documentNumber: '杜蒙综执罚〔2026〕12号', date: '2026-05-06' },
      party: { name: OPERATOR.name, category: { code: 'LEGAL_PERSON' } },
    });
    const summary = await ask(`query($uscc: String!) { entity(uscc: $uscc) { creditSummary { penaltyCount penaltyTotalFine } } }`, { uscc: OPERATOR.uscc });
    expect(summary.entity.creditSummary).toEqual({ penaltyCount: 1, penaltyTotalFine: 2.5 });
    // The record whose fine is not a number is quarantined, naming the attribute.
    const { body } = await graphql(hub.url, `{ quarantine(stream: "county-credit/penalties") { sourceKey stage errors { message } } }`, undefined, ADMIN);
    expect(body.data.quarantine).toEqual([{ sourceKey: '杜蒙综执罚〔2026〕13号', stage: 'map', errors: [{ message: expect.stringMatching(/do not fit a "administrative-penalty": attributes\.fine/) }] }]);
  });

  test('a correction at the source is a new version, the old one kept as a revision', async () => {
    readings[1] = { ...readings[1], zdl: '56.1', gxsj: '2026-02-28 10:00:00' };
    const { body } = await graphql(hub.url, `mutation { triggerSync(streams: ["noise/readings"]) { status updated } }`, undefined, ADMIN);
    expect(body.data.triggerSync).toEqual([{ status: 'partial', updated: 1 }]);
    const corrected = (await byKind('noise-reading')).edges.map((e: any) => e.node).find((n: any) => n.title.startsWith('ZS-02'));
    expect(corrected.attributes.dayLeq).toBe(56.1);
    expect(corrected.revisions).toHaveLength(1);
    expect(corrected.revisions[0].snapshot.attributes.dayLeq).toBe(58.9);
  });
});

describe('the CLI over manifests', () => {
  let dir: string;
  beforeAll(() => {
    dir = manifestDir(MANIFEST);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('`hub connectors list` shows the manifest streams beside the built-in ones, with their file', async () => {
    const { code, stdout } = await runHub(['connectors', 'list', '--json'], { HUB_CONNECTORS_DIR: dir });
    expect(code).toBe(0);
    const rows = JSON.parse(stdout);
    expect(rows).toEqual(expect.arrayContaining([
      { stream: 'noise/readings', domain: 'ENVIRONMENT', declaredIn: path.join(dir, 'noise.yaml'), mode: 'incremental', schedule: null },
      expect.objectContaining({ stream: 'credit/penalties', declaredIn: 'built-in (TypeScript)' }),
    ]));
  });

  test('`hub connectors check --sample` prints the disclosures a file maps to, and each bad record\'s problem', async () => {
    const sample = path.join(dir, 'sample.json');
    fs.writeFileSync(sample, JSON.stringify([reading(7, 'ZS-02', '61.5'), reading(8, 'ZS-02', 'loud')]));
    const { code, stdout } = await runHub(['connectors', 'check', path.join(dir, 'noise.yaml'), '--stream', 'readings', '--sample', sample, '--json']);
    expect(code).toBe(0);
    const [preview] = JSON.parse(stdout);
    expect(preview.stream).toBe('noise/readings');
    expect(preview.records[0].disclosure).toMatchObject({ kind: 'noise-reading', title: 'ZS-02 2026-07 声环境监测结果', attributes: { dayLeq: 61.5, exceedsDay: true } });
    expect(preview.records[1]).toMatchObject({ stage: 'validate', problems: ['/zdl: "zdl" is "loud": expected a daytime level in dB(A) such as 55.2'] });
  });

  test('`hub sync <stream> --file` loads a dump through the manifest, quarantining what fails', async () => {
    const dump = path.join(dir, 'dump.json');
    fs.writeFileSync(dump, JSON.stringify([reading(5, 'ZS-01', '50.5'), reading(6, 'ZS-02', undefined)]));
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-store-'));
    try {
      const { code, stdout, stderr } = await runHub(['sync', 'noise/readings', '--file', dump, '--json'], { HUB_CONNECTORS_DIR: dir, HUB_DATA_DIR: dataDir });
      expect(stderr).toBe('');
      expect(code).toBe(0);
      // One summary object per line, per stream.
      expect(stdout.trim().split('\n').map((line) => JSON.parse(line))).toMatchObject([{ connector: 'noise', stream: 'readings', status: 'partial', fetched: 2, inserted: 1, quarantined: 1 }]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('a broken manifest: `check` lists every problem at its place; `serve` and `sync` refuse to run', async () => {
    const broken = manifestDir(MANIFEST.replace('    cursor: gxsj', '    cursor: gxsj[0]').replace("      status: \"'published'\"\n      publisher", "      status: \"'published'\n      publisher"));
    try {
      const check = await runHub(['connectors', 'check', path.join(broken, 'noise.yaml')]);
      expect(check.code).toBe(1);
      expect(check.stderr).toMatch(/noise\.yaml:\d+:\d+: /);
      const fixedQuote = manifestDir(MANIFEST.replace('    cursor: gxsj', '    cursor: gxsj[0]').replace('      title: jcdmc', '      title: jcdmc &'));
      const both = await runHub(['connectors', 'check', path.join(fixedQuote, 'noise.yaml')]);
      expect(both.stderr).toMatch(/2 problem\(s\)/);
      expect(both.stderr).toMatch(/noise\.yaml:13:14: streams\[0\]\.mapping\.title: JSONata syntax/);
      expect(both.stderr).toMatch(/noise\.yaml:23:13: streams\[1\]\.cursor: "gxsj\[0\]" is not a plain expression/);
      for (const args of [['serve'], ['sync', 'credit/penalties']]) {
        const refused = await runHub(args, { HUB_CONNECTORS_DIR: fixedQuote, PORT: '0' });
        expect(refused.code).toBe(1);
        expect(refused.stderr).toMatch(/the hub loads no manifest until they are fixed/);
        expect(refused.stderr).toMatch(/noise\.yaml:13:14/);
      }
      fs.rmSync(fixedQuote, { recursive: true, force: true });
    } finally {
      fs.rmSync(broken, { recursive: true, force: true });
    }
  });
});
