import fs from 'node:fs';
import path from 'node:path';

/**
 * Imports point one way: app (the composition root) → samples → connectors → src. The engine names
 * no connector and no sample, and connectors reach the engine through its one entry, so a reader
 * knows where a change belongs from the folder alone and src/ can be reorganised freely.
 */
const ROOT = path.resolve(__dirname, '../..');

function sourceFiles(folder: string): string[] {
  const dir = path.join(ROOT, folder);
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => path.join(folder, f));
}

/** Every relative import of a file, resolved to a path from the repository root. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import\(|require\()\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]);
  return specifiers.map((s) => path.relative(ROOT, path.resolve(path.join(ROOT, path.dirname(file)), s)));
}

function offending(folder: string, allowed: (target: string) => boolean): string[] {
  return sourceFiles(folder).flatMap((file) => importsOf(file).filter((target) => !allowed(target)).map((target) => `${file} imports ${target}`));
}

const top = (target: string) => target.split(path.sep)[0];

describe('the layout', () => {
  test('src/ imports nothing outside itself (and migrations/ for the migration list)', () => {
    expect(offending('src', (t) => ['src', 'migrations'].includes(top(t)))).toEqual([]);
  });

  test('connectors/ reach the engine only through src/connectorKit and import no sample', () => {
    expect(offending('connectors', (t) => top(t) === 'connectors' || t === path.join('src', 'connectorKit'))).toEqual([]);
  });

  test('samples/ import no composition root, and the engine only through its entries', () => {
    const entries = [path.join('src', 'connectorKit'), path.join('src', 'components')];
    expect(offending('samples', (t) => ['samples', 'connectors'].includes(top(t)) || entries.includes(t))).toEqual([]);
  });
});
