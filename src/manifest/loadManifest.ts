import fs from 'node:fs';
import path from 'node:path';
import { DOMAIN_CONTRACTS, domainOfKind, removedStatusViolation, type Domain } from '../domain/contract';
import { streamDeclarationProblem, type ConnectorDefinition } from '../sync/stream';
import { validatorFor } from '../sync/validation';
import { compileExpression, ExpressionSyntaxError, type CompiledExpression } from './expression';
import { ManifestError, fieldPath, type ManifestProblem } from './manifestProblems';
import { MAPPED_FIELDS, ManifestShape, ReconcileObject, SOURCE_SHAPES, type Manifest, type ManifestStream } from './manifestShape';
import { manifestStream, type CompiledStream } from './manifestStream';
import { shapeProblems } from './shapeProblems';
import { parsePlacedYaml, type PlacedYaml } from './yamlPlaces';

/** A loaded manifest: the connector the engine runs, and what `hub connectors check` reports on. */
export interface LoadedManifest {
  file: string;
  connector: ConnectorDefinition;
  streams: CompiledStream[];
  /** Where a field was written, for problems found when manifests are checked together. */
  placeOf: PlacedYaml['placeOf'];
}

/**
 * Reads, checks and compiles one connector manifest. Every problem found is reported at once, each
 * with its line and column (ManifestError); nothing half-loaded is returned. The checks, in order:
 * YAML syntax; the manifest's own schema (manifestShape.ts); then per stream what a schema cannot
 * see — the record schema (a file beside the manifest or inline) compiles, every JSONata expression
 * parses, the key and cursor are in the quick subset, the kind belongs to the domain, the schedule
 * is a cron expression and a snapshot says what its records become when they leave the list.
 */
export function loadManifest(file: string): LoadedManifest {
  const absolute = path.resolve(file);
  const at = (message: string): ManifestProblem => ({ file: absolute, place: { line: 1, column: 1 }, field: '', message });
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new ManifestError([at(`cannot be read: ${(error as Error).message}`)]);
  }
  const yaml = parsePlacedYaml(text);
  if (yaml.syntaxErrors.length) {
    throw new ManifestError(yaml.syntaxErrors.map((e) => ({ file: absolute, place: e.place, field: '', message: `YAML syntax: ${e.message}` })));
  }
  const checker = new ManifestChecker(absolute, yaml);
  const manifest = checker.checkShape();
  const streams = manifest.streams.map((stream, i) => checker.compileStream(manifest, stream, i));
  checker.checkStreamNames(manifest);
  checker.throwIfAny();
  const ownKinds = [...new Set(manifest.streams.map((s) => s.kind).filter((kind) => !domainOfKind(kind)))];
  const connector: ConnectorDefinition = {
    name: manifest.connector,
    domain: manifest.domain,
    streams: (streams as CompiledStream[]).map(manifestStream),
    ...(ownKinds.length ? { ownKinds } : {}),
    manifestFile: absolute,
  };
  return { file: absolute, connector, streams: streams as CompiledStream[], placeOf: yaml.placeOf };
}

/** Collects the problems of one manifest while compiling what is sound. */
class ManifestChecker {
  private readonly problems: ManifestProblem[] = [];

  constructor(
    private readonly file: string,
    private readonly yaml: PlacedYaml,
  ) {}

  throwIfAny(): void {
    if (this.problems.length) throw new ManifestError(this.problems);
  }

  add(segments: Array<string | number>, message: string): void {
    this.problems.push({ file: this.file, place: this.yaml.placeOf(segments), field: fieldPath(segments), message });
  }

  /** The manifest's own schema, then each source against its format's shape. Fatal: nothing below is sound without it. */
  checkShape(): Manifest {
    const value = this.yaml.value;
    this.problems.push(...shapeProblems(ManifestShape, value, this.file, this.yaml));
    this.throwIfAny();
    const manifest = value as Manifest;
    manifest.streams.forEach((stream, i) => {
      this.problems.push(...shapeProblems(SOURCE_SHAPES[stream.source.format], stream.source, this.file, this.yaml, ['streams', i, 'source']));
      const reconcile = stream.reconcile;
      if (typeof reconcile === 'string' && reconcile !== 'off') this.add(['streams', i, 'reconcile'], `"${reconcile}" should be "off" or {schedule, windowDays}`);
      if (reconcile && typeof reconcile === 'object') this.problems.push(...shapeProblems(ReconcileObject, reconcile, this.file, this.yaml, ['streams', i, 'reconcile']));
    });
    this.throwIfAny();
    return manifest;
  }

  checkStreamNames(manifest: Manifest): void {
    const seen = new Set<string>();
    manifest.streams.forEach((stream, i) => {
      if (seen.has(stream.name)) this.add(['streams', i, 'name'], `stream "${stream.name}" is declared twice in this connector`);
      seen.add(stream.name);
    });
  }

  /** One stream's checks and compiled parts; undefined parts where a problem was recorded. */
  compileStream(manifest: Manifest, stream: ManifestStream, i: number): CompiledStream | undefined {
    const at = (...rest: Array<string | number>) => ['streams', i, ...rest];
    const before = this.problems.length;
    this.checkKind(manifest.domain, stream.kind, at('kind'));
    const declarationProblem = streamDeclarationProblem({ ...stream, cursor: stream.cursor ? () => undefined : undefined });
    if (declarationProblem) this.add(at(), declarationProblem);
    const removed = stream.removedStatus && removedStatusViolation(manifest.domain, stream.removedStatus);
    if (removed) this.add(at('removedStatus'), removed);

    const recordSchema = this.recordSchema(stream.schema, at('schema'));
    const key = this.expression(stream.key, at('key'), { quick: true });
    const cursor = stream.cursor === undefined ? undefined : this.expression(stream.cursor, at('cursor'), { quick: true });
    const fields: CompiledStream['mapping']['fields'] = {};
    for (const field of MAPPED_FIELDS) {
      const text = stream.mapping[field];
      if (text !== undefined) fields[field] = this.expression(text, at('mapping', field));
    }
    const links = (stream.links ?? []).map((link, j) => ({
      relation: link.relation,
      stream: link.stream.includes('/') ? link.stream : `${manifest.connector}/${link.stream}`,
      key: this.expression(link.key, at('links', j, 'key'))!,
    }));
    if (this.problems.length > before) return undefined;
    return {
      declared: stream,
      recordSchema: recordSchema!,
      key: key!,
      cursor,
      mapping: { domain: manifest.domain, kind: stream.kind, fields, links },
    };
  }

  /**
   * A kind of another domain is refused; so is a kind whose dedicated GraphQL type reads
   * attributes no shape declares (no manifest could be held to them). A domain's kinds with an
   * attribute shape (a penalty, a licence, the plan's other areas) and kinds of the manifest's own
   * are what a manifest may write.
   */
  private checkKind(domain: Domain, kind: string, segments: Array<string | number>): void {
    const owner = domainOfKind(kind);
    if (!owner) return;
    if (owner !== domain) {
      this.add(segments, `kind "${kind}" belongs to the ${owner} domain, not ${domain}; name a kind of your own or declare the connector in ${owner}`);
      return;
    }
    const shapes = DOMAIN_CONTRACTS[domain].attributeShapes as Record<string, unknown> | undefined;
    if (!shapes?.[kind]) {
      const reusable = Object.keys(shapes ?? {}).join(', ') || 'none';
      this.add(segments, `kind "${kind}" is served by a type of its own whose attributes have no shape a manifest could be held to (the ${domain} kinds a manifest may write: ${reusable}); or name a kind of your own, served as GenericDisclosure`);
    }
  }

  private recordSchema(schema: ManifestStream['schema'], segments: Array<string | number>): object | undefined {
    let value: unknown = schema;
    if (typeof schema === 'string') {
      const schemaFile = path.resolve(path.dirname(this.file), schema);
      try {
        value = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
      } catch (error) {
        this.add(segments, `the record schema ${schemaFile} cannot be read as JSON: ${(error as Error).message}`);
        return undefined;
      }
    }
    try {
      validatorFor(value as object);
    } catch (error) {
      this.add(segments, `the record schema is not a valid JSON Schema: ${(error as Error).message}`);
      return undefined;
    }
    return value as object;
  }

  private expression(text: string, segments: Array<string | number>, options: { quick?: boolean } = {}): CompiledExpression | undefined {
    try {
      const compiled = compileExpression(text);
      if (options.quick && !compiled.quick) {
        this.add(segments, `"${text}" is not a plain expression: a key or cursor is a field path (a.b), a literal, an & of those, or $trim/$lowercase/$uppercase/$string/$number of one (docs/manifests.md)`);
        return undefined;
      }
      return compiled;
    } catch (error) {
      if (!(error instanceof ExpressionSyntaxError)) throw error;
      const where = error.position === undefined ? '' : ` (at character ${error.position} of the expression)`;
      this.add(segments, `JSONata syntax: ${error.message}${where}`);
      return undefined;
    }
  }
}
