import { PassThrough, Writable } from 'node:stream';
import { loadConfig, ConfigError } from '../../src/config/config';
import { InvalidCursorError, parseRecordCursor, parseReleaseCursor, recordCursor, releaseCursor } from '../../src/ocds/cursor';
import { OutputClosedError, sinkOf, writePackage } from '../../src/ocds/packageWriter';
import { LOTS_EXTENSION } from '../../src/ocds/lots';
import { packageHead } from '../../src/ocds/publish';

async function* items<T>(list: T[]): AsyncGenerator<T> {
  yield* list;
}

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk) => (text += chunk));
  return { stream, text: () => text };
}

describe('OCDS package writing', () => {
  const head = { uri: 'urn:uuid:00000000-0000-4000-8000-000000000000', version: '1.1' as const, extensions: [LOTS_EXTENSION], publisher: { name: '大庆市公共资源交易中心' } };

  test('a package is one JSON document with its list and, after it, the publishedDate', async () => {
    const out = collect();
    await writePackage(sinkOf(out.stream), head, 'releases', items([{ id: 'a' }, { id: 'b' }]), () => '2026-03-02T09:12:00+08:00');
    expect(JSON.parse(out.text())).toEqual({ ...head, releases: [{ id: 'a' }, { id: 'b' }], publishedDate: '2026-03-02T09:12:00+08:00' });
    expect(out.text().trimEnd().split('\n')).toHaveLength(4); // head, one line per release, the end
  });

  test('an empty package has an empty list', async () => {
    const out = collect();
    await writePackage(sinkOf(out.stream), head, 'records', items([]), () => '2026-03-02T09:12:00+08:00');
    expect(JSON.parse(out.text()).records).toEqual([]);
  });

  test('a sink waits for a full stream to drain and fails when the stream closes under it', async () => {
    let release: () => void = () => undefined;
    const slow = new Writable({ highWaterMark: 4, write: (_chunk, _enc, done) => (release = done) });
    const sink = sinkOf(slow);
    const pending = sink.write('more than four bytes');
    slow.destroy();
    await expect(pending).rejects.toBeInstanceOf(OutputClosedError);
    await expect(sink.write('x')).rejects.toBeInstanceOf(OutputClosedError);
    release();
  });
});

describe('OCDS package head', () => {
  test('declares the lots extension, in the version made for OCDS 1.1.5, and names the configured publisher', () => {
    const settings = loadConfig({});
    const uri = 'urn:uuid:00000000-0000-4000-8000-000000000000';
    expect(packageHead({ uri, settings, sink: { write: async () => undefined } })).toEqual({
      uri,
      version: '1.1',
      extensions: ['https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json'],
      publisher: { name: '大庆市公共资源交易中心' },
    });
  });
});

describe('OCDS page cursors', () => {
  test('cursors round-trip and a cursor of the other list, or none at all, is refused', () => {
    const key = { storedAt: '2026-11-27T08:01:02.123456Z', id: 42 };
    expect(parseReleaseCursor(releaseCursor(key))).toEqual(key);
    expect(parseRecordCursor(recordCursor('DQCG-2026-0012'))).toBe('DQCG-2026-0012');
    expect(() => parseReleaseCursor(recordCursor('DQCG-2026-0012'))).toThrow(InvalidCursorError);
    expect(() => parseRecordCursor('not-a-cursor')).toThrow(/Link rel="next"/);
  });
});

describe('OCDS settings', () => {
  test('the ocid prefix defaults to the documentation placeholder and must look like a registered one', () => {
    expect(loadConfig({}).ocdsPrefix).toBe('ocds-213czf');
    // The publisher is the city's trading centre (src/config/cities/daqing.ts).
    expect(loadConfig({}).publisherName).toBe('大庆市公共资源交易中心');
    expect(loadConfig({ HUB_OCDS_PREFIX: 'ocds-abc123' }).ocdsPrefix).toBe('ocds-abc123');
    expect(() => loadConfig({ HUB_OCDS_PREFIX: 'dq-123' })).toThrow(ConfigError);
  });

  test('the public URL is an http(s) URL, kept without a trailing slash', () => {
    expect(loadConfig({}).publicUrl).toBeUndefined();
    expect(loadConfig({ HUB_PUBLIC_URL: 'https://hub.example.cn/' }).publicUrl).toBe('https://hub.example.cn');
    expect(() => loadConfig({ HUB_PUBLIC_URL: 'hub.example.cn' })).toThrow(/HUB_PUBLIC_URL/);
  });
});
