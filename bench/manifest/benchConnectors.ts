import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { loadManifest } from '../../src/manifest/loadManifest';
import type { ConnectorDefinition } from '../../src/sync/stream';
import { codedTwin } from './codedTwin';

export { isManifestBenchStream, MANIFEST_BENCH_SIDES, type ManifestBenchSide } from './sides';

/** The benchmark's manifest: every expression in the quick subset. */
export const MANIFEST_FILE = path.join(__dirname, 'licences.yaml');

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
