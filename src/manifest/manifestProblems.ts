import type { Place } from './yamlPlaces';

/** One thing wrong with a manifest, where it was written and what to do about it. */
export interface ManifestProblem {
  file: string;
  place: Place;
  /** The field, as a dotted path (`streams[0].mapping.title`); empty for the file itself. */
  field: string;
  message: string;
}

/**
 * A manifest the hub will not load, with every problem found in it (not only the first): a hub
 * with a bad manifest refuses to start rather than run without the feed, and one round of fixes
 * should be enough.
 */
export class ManifestError extends Error {
  override name = 'ManifestError';
  constructor(readonly problems: readonly ManifestProblem[]) {
    super(describeProblems(problems));
  }
}

/** `file:line:column: field: message`, one per line, the form editors and CI logs link to. */
export function describeProblems(problems: readonly ManifestProblem[]): string {
  const files = new Set(problems.map((p) => p.file)).size;
  const head = `${problems.length} problem(s) in ${files} connector manifest(s); the hub loads no manifest until they are fixed:`;
  return [head, ...problems.map(describeProblem)].join('\n');
}

export function describeProblem(problem: ManifestProblem): string {
  const where = `${problem.file}:${problem.place.line}:${problem.place.column}`;
  return `  ${where}: ${problem.field ? `${problem.field}: ` : ''}${problem.message}`;
}

/** A JSON Pointer's segments as a dotted path with list indexes: streams[0].mapping.title. */
export function fieldPath(segments: ReadonlyArray<string | number>): string {
  return segments.reduce<string>((path, segment) => (typeof segment === 'number' || /^\d+$/.test(String(segment)) ? `${path}[${segment}]` : path ? `${path}.${segment}` : String(segment)), '');
}
