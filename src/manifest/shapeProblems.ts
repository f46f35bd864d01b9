import Ajv, { type ErrorObject } from 'ajv';
import type { TSchema } from '@sinclair/typebox';
import { fieldPath, type ManifestProblem } from './manifestProblems';
import type { PlacedYaml } from './yamlPlaces';

// The manifest's own checks: every error at once, no coercion, and the offending value in errors.
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });

/**
 * The problems of a value against a shape, each placed where the YAML wrote it. `at` is the path
 * of `value` within the file, for a part checked on its own (a stream's source).
 */
export function shapeProblems(shape: TSchema, value: unknown, file: string, yaml: PlacedYaml, at: Array<string | number> = []): ManifestProblem[] {
  const validate = ajv.compile(shape);
  if (validate(value)) return [];
  return (validate.errors ?? []).filter(worthReporting).map((error) => toProblem(error, file, yaml, at));
}

/** allOf and anyOf repeat what their branches said; the branches' own errors are the useful ones. */
function worthReporting(error: ErrorObject): boolean {
  return error.keyword !== 'allOf' && error.keyword !== 'anyOf' && error.keyword !== 'if';
}

function toProblem(error: ErrorObject, file: string, yaml: PlacedYaml, at: Array<string | number>): ManifestProblem {
  const segments = [...at, ...error.instancePath.split('/').slice(1).map(unescapePointer)];
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    return { file, place: yaml.placeOf(segments, extra), field: fieldPath([...segments, extra]), message: `"${extra}" is not a field here; check its spelling (docs/manifests.md lists the fields)` };
  }
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return { file, place: yaml.placeOf(segments), field: fieldPath(segments), message: `"${missing}" is required and missing` };
  }
  return { file, place: yaml.placeOf(segments), field: fieldPath(segments), message: `${quoted(error.data)} ${expectation(error)}` };
}

function expectation(error: ErrorObject): string {
  const description = (error.parentSchema as { description?: string } | undefined)?.description;
  switch (error.keyword) {
    case 'enum':
      return `is not one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    case 'type':
      return `should be ${description ?? `a ${(error.params as { type: string | string[] }).type}`}`;
    case 'pattern':
    case 'minLength':
      return `should be ${description ?? `text matching ${(error.params as { pattern?: string }).pattern ?? 'the expected form'}`}`;
    case 'const':
      return `should be "${(error.params as { allowedValue: unknown }).allowedValue}"`;
    default:
      return `${error.message ?? 'is not allowed here'}${description ? ` (expected ${description})` : ''}`;
  }
}

function quoted(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
