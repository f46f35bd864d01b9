import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadManifest } from '../../src/manifest/loadManifest';
import { loadConnectors } from '../../src/manifest/loadConnectors';
import { ManifestError, type ManifestProblem } from '../../src/manifest/manifestProblems';
import { CONNECTORS } from '../../app/components';

/**
 * Loading a connector manifest: a sound one becomes a connector the engine runs; a broken one is
 * refused with every problem, each at the line and column where it was written.
 */

const RECORD_SCHEMA = {
  type: 'object',
  required: ['id', 'name', 'day'],
  properties: { id: { type: 'string' }, name: { type: 'string' }, day: { type: 'string', format: 'date-cn' } },
};

const SOUND = `connector: noise
domain: ENVIRONMENT
streams:
  - name: readings
    kind: noise-reading
    source:
      format: json
      path: /environment/noise
      sinceParam: since
    schema: readings.schema.json
    key: id
    cursor: day
    schedule: "0 7 * * *"
    mapping:
      title: name & ' 噪声监测'
      publishedAt: day
      status: "'published'"
      attributes: '{ "point": id, "level": $number(level) }'
`;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
  fs.writeFileSync(path.join(dir, 'readings.schema.json'), JSON.stringify(RECORD_SCHEMA));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

function problemsOf(load: () => unknown): ManifestProblem[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ManifestError) return [...error.problems];
    throw error;
  }
  throw new Error('the manifest was accepted');
}

const at = (p: ManifestProblem) => `${p.place.line}:${p.place.column} ${p.field}`;

describe('a sound manifest', () => {
  test('becomes a connector whose stream keys, orders and maps records', async () => {
    const { connector } = loadManifest(write('noise.yaml', SOUND));
    expect(connector).toMatchObject({ name: 'noise', domain: 'ENVIRONMENT', ownKinds: ['noise-reading'] });
    const [stream] = connector.streams;
    expect(stream.schedule).toBe('0 7 * * *');
    const record = { id: 'N-7', name: '让胡路区 1 号点', day: '2026/3/1', level: '55.5' };
    expect(stream.key(record)).toBe('N-7');
    expect(stream.cursor!(record)).toBe('2026-03-01 00:00:00');
    const disclosure = await stream.toDisclosure(record, undefined as never);
    expect(disclosure).toMatchObject({
      kind: 'noise-reading',
      title: '让胡路区 1 号点 噪声监测',
      status: 'published',
      attributes: { point: 'N-7', level: 55.5 },
    });
    expect(disclosure.publishedAt.toISOString()).toBe('2026-02-28T16:00:00.000Z');
  });

  test('a mapping value of the wrong type names the field and its expression', async () => {
    const { connector } = loadManifest(write('noise.yaml', SOUND));
    const mapped = async () => connector.streams[0].toDisclosure({ id: 'N-7', name: '点', day: '2026-13-45' }, undefined as never);
    await expect(mapped()).rejects.toThrow(/mapping\.publishedAt \(day\) gave "2026-13-45"; expected a date/);
  });
});

describe('a broken manifest is refused with every problem at its place', () => {
  test('shape errors: an unknown field, a wrong value, a missing field', () => {
    const broken = SOUND.replace('      sinceParam: since\n', '      sinceParam: since\n      paging: pages\n')
      .replace('    key: id\n', '    keey: id\n')
      .replace('domain: ENVIRONMENT', 'domain: WEATHER');
    const problems = problemsOf(() => loadManifest(write('broken.yaml', broken)));
    expect(problems.map(at)).toEqual(expect.arrayContaining(['2:9 domain', '4:5 streams[0]', '12:5 streams[0].keey']));
    expect(problems.find((p) => p.field === 'domain')!.message).toMatch(/"WEATHER" is not one of CREDIT, TRADING, PPP, ENVIRONMENT, POLICY/);
    expect(problems.find((p) => p.field === 'streams[0]')!.message).toMatch(/"key" is required/);
    expect(problems.find((p) => p.field === 'streams[0].keey')!.message).toMatch(/"keey" is not a field here/);
    // The source is checked against its format's shape: its problem too is reported, in the same round.
    const paging = problemsOf(() => loadManifest(write('paging.yaml', SOUND.replace('      sinceParam: since\n', '      sinceParam: since\n      paging: pages\n'))));
    expect(paging.map(at)).toEqual(['10:15 streams[0].source.paging']);
    expect(paging[0].message).toMatch(/"pages" is not one of page, offset, next/);
  });

  test('expression, schema, cron and kind problems are all reported together', () => {
    const broken = SOUND.replace("title: name & ' 噪声监测'", 'title: name & (')
      .replace('    key: id\n', "    key: $map(ids, function($v) { $v })\n")
      .replace('"0 7 * * *"', '"every morning"')
      .replace('kind: noise-reading', 'kind: administrative-penalty')
      .replace('schema: readings.schema.json', 'schema: missing.schema.json');
    const problems = problemsOf(() => loadManifest(write('broken.yaml', broken)));
    const byField = Object.fromEntries(problems.map((p) => [p.field, p]));
    expect(byField['streams[0].mapping.title'].message).toMatch(/JSONata syntax/);
    expect(byField['streams[0].mapping.title'].place.line).toBe(15);
    expect(byField['streams[0].key'].message).toMatch(/not a plain expression/);
    expect(byField['streams[0].schema'].message).toMatch(/missing\.schema\.json cannot be read/);
    expect(byField['streams[0].kind'].message).toMatch(/belongs to the CREDIT domain/);
    expect(byField['streams[0]'].message).toMatch(/"every morning" is not a cron expression/);
  });

  test('a YAML syntax error is placed', () => {
    const problems = problemsOf(() => loadManifest(write('syntax.yaml', SOUND.replace('    kind: noise-reading', '    kind: [noise-reading'))));
    expect(problems[0].message).toMatch(/^YAML syntax/);
    expect(problems[0].place.line).toBeGreaterThanOrEqual(5);
  });

  test('among several manifests: a taken connector name and a link to no stream', () => {
    write('taken.yaml', SOUND.replace('connector: noise', 'connector: credit'));
    write('linked.yaml', SOUND.replace('connector: noise', 'connector: noise-two').replace('    mapping:', '    links:\n      - relation: about\n        stream: nowhere/at-all\n        key: id\n    mapping:'));
    const problems = problemsOf(() => loadConnectors(CONNECTORS, [dir]));
    expect(problems.map((p) => `${path.basename(p.file)} ${at(p)}`)).toEqual(
      expect.arrayContaining(['taken.yaml 1:12 connector', 'linked.yaml 16:17 streams[0].links[0].stream']),
    );
    expect(new ManifestError(problems).message).toMatch(/linked\.yaml:16:17: streams\[0\]\.links\[0\]\.stream: no connector has a stream "nowhere\/at-all"/);
  });
});
