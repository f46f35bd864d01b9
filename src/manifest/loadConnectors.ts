import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config/configError';
import type { ConnectorDefinition } from '../sync/stream';
import { loadManifest, type LoadedManifest } from './loadManifest';
import { ManifestError, fieldPath, type ManifestProblem } from './manifestProblems';

const MANIFEST = /\.ya?ml$/;

/**
 * The manifests of a directory: its `*.yaml` files and each sub-folder's `connector.yaml` (the
 * layout of connectors/ in the repository), in name order so the load order never varies.
 */
export function manifestFilesIn(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw new ConfigError(`the connector manifest directory ${dir} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); set HUB_CONNECTORS_DIR to a directory of connector manifests, or unset it`);
  }
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isFile() && MANIFEST.test(entry.name)) files.push(full);
    if (entry.isDirectory()) {
      const inside = ['connector.yaml', 'connector.yml'].map((name) => path.join(full, name)).find((f) => fs.existsSync(f));
      if (inside) files.push(inside);
    }
  }
  return files;
}

/**
 * The coded connectors with the manifests of `dirs` loaded beside them. A problem in any manifest —
 * its own, a connector name taken twice, a link to a stream no connector has — refuses them all
 * with every problem listed (ManifestError): a hub that quietly ran without a feed it was given
 * would publish less than the data team believes it does.
 */
export function loadConnectors(coded: readonly ConnectorDefinition[], dirs: readonly string[]): ConnectorDefinition[] {
  const loaded: LoadedManifest[] = [];
  const problems: ManifestProblem[] = [];
  for (const file of dirs.flatMap(manifestFilesIn)) {
    try {
      loaded.push(loadManifest(file));
    } catch (error) {
      if (!(error instanceof ManifestError)) throw error;
      problems.push(...error.problems);
    }
  }
  problems.push(...crossProblems(coded, loaded));
  if (problems.length) throw new ManifestError(problems);
  return [...coded, ...loaded.map((m) => m.connector)];
}

/** What only shows with every connector in view: a name taken twice, a link to nowhere. */
function crossProblems(coded: readonly ConnectorDefinition[], loaded: readonly LoadedManifest[]): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const owners = new Map<string, string>(coded.map((c) => [c.name, 'a built-in connector']));
  for (const manifest of loaded) {
    const name = manifest.connector.name;
    const taken = owners.get(name);
    if (taken) problems.push({ file: manifest.file, place: manifest.placeOf(['connector']), field: 'connector', message: `"${name}" is already the name of ${taken}; choose another` });
    else owners.set(name, manifest.file);
  }
  const streams = new Set([...coded, ...loaded.map((m) => m.connector)].flatMap((c) => c.streams.map((s) => `${c.name}/${s.name}`)));
  for (const manifest of loaded) {
    manifest.streams.forEach((stream, i) => {
      stream.mapping.links.forEach((link, j) => {
        if (streams.has(link.stream)) return;
        const segments = ['streams', i, 'links', j, 'stream'];
        problems.push({ file: manifest.file, place: manifest.placeOf(segments), field: fieldPath(segments), message: `no connector has a stream "${link.stream}"; write <stream> of this connector or <connector>/<stream>` });
      });
    });
  }
  return problems;
}
