import fs from 'node:fs';
import path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ErrorObject } from 'ajv';

/**
 * Validation against the official OCDS 1.1.5 schemas (draft-04), from the project's own copy in
 * src/ocds/schema/1.1.5 (see its README): no network, nothing read from outside the repository.
 * The package schemas refer to the release schema by its URL, so it is registered under that id.
 * The record package schema also refers to the versioned-release schema, which the copy does not
 * carry: the hub never writes a versionedRelease, so it is registered as a schema nothing passes,
 * and a versionedRelease that did appear would fail validation instead of going unchecked.
 */

/** The project's copy of the official OCDS 1.1.5 schemas and codelists. */
export const OCDS_SCHEMA_DIR = path.join(__dirname, 'schema', '1.1.5');

const VERSIONED_RELEASE_ID = 'https://standard.open-contracting.org/schema/1__1__5/versioned-release-validation-schema.json';

export interface OcdsValidators {
  /** Problems of a release package, one line each (JSON pointer: message); empty when valid. */
  releasePackage(data: unknown): string[];
  recordPackage(data: unknown): string[];
}

export function ocdsValidators(schemaDir: string = OCDS_SCHEMA_DIR): OcdsValidators {
  const load = (file: string) => JSON.parse(fs.readFileSync(path.join(schemaDir, file), 'utf8'));
  // strict off: the OCDS schemas carry their own keywords (codelist, openCodelist, omitWhenMerged…).
  const ajv = new Ajv04({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(load('release-schema.json'));
  ajv.addSchema({ id: VERSIONED_RELEASE_ID, not: {} });
  const releasePackage = ajv.compile(load('release-package-schema.json'));
  const recordPackage = ajv.compile(load('record-package-schema.json'));
  return {
    releasePackage: (data) => (releasePackage(data) ? [] : describe(releasePackage.errors)),
    recordPackage: (data) => (recordPackage(data) ? [] : describe(recordPackage.errors)),
  };
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
}
