import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { loadManifest } from '../../src/manifest/loadManifest';
import type { ConnectorDefinition } from '../../src/sync/stream';
import { codedTwin } from './codedTwin';

/** The benchmark's manifest: every expression in the quick subset. */
export const MANIFEST_FILE = path.join(__dirname, 'licences.yaml');

/** The three ways of mapping the same feed the benchmark compares, by the stream each syncs. */
export const MANIFEST_BENCH_SIDES = {
  coded: 'bench-licences-coded/licences',
  manifest: 'bench-licences/licences',
  jsonata: 'bench-licences-jsonata/licences',
} as const;
export type ManifestBenchSide = keyof typeof MANIFEST_BENCH_SIDES;

const STREAMS: ReadonlySet<string> = new Set(Object.values(MANIFEST_BENCH_SIDES));
export const isManifestBenchStream = (stream: string) => STREAMS.has(stream);

/** The coded twin, the manifest, and the manifest with every mapping through JSONata. */
export function manifestBenchConnectors(): ConnectorDefinition[] {
  return [codedTwin, loadManifest(MANIFEST_FILE).connector, loadJsonataVariant().connector];
}

/**
 * The manifest with every mapping expression wrapped in parentheses: `(x)` means what `x` means,
 * but a block is outside the quick subset, so JSONata itself evaluates each one. This measures
 * what the quick subset saves, on the same mapping. Key and cursor stay as they are (they must be
 * plain expressions). Written to a temporary file, which loading reads and then no longer needs.
 */
export function loadJsonataVariant(): ReturnType<typeof loadManifest> {
  const doc = parseDocument(fs.readFileSync(MANIFEST_FILE, 'utf8'));
  doc.set('connector', 'bench-licences-jsonata');
  doc.set('description', 'benchmark twin of credit/licences, every mapping evaluated by JSONata');
  const stream = doc.getIn(['streams', 0]) as { get(k: string): unknown; set(k: string, v: unknown): void };
  stream.set('schema', path.join(__dirname, String(stream.get('schema'))));
  const mapping = (doc.getIn(['streams', 0, 'mapping']) as { toJSON(): Record<string, string> }).toJSON();
  for (const [field, expression] of Object.entries(mapping)) doc.setIn(['streams', 0, 'mapping', field], `(${expression.trim()})`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-manifest-'));
  try {
    const file = path.join(dir, 'licences-jsonata.yaml');
    fs.writeFileSync(file, doc.toString());
    return loadManifest(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
