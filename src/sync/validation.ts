import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { looksLikeUscc } from '../domain/usccShape';
import { parseChinaTime } from '../domain/chinaTime';

/**
 * One ajv instance for all feed schemas, and one compiled validator per schema object: compiling
 * is the expensive part, so it happens once per process, not per record.
 */
// verbose: errors carry the offending value and its schema, so a reason can quote both.
const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: false, verbose: true });
addFormats(ajv);
// `uscc` checks the shape only (18 characters of the code's alphabet after normalisation). A code
// with a wrong check character is a real record with a typo: it is stored and flagged, not rejected.
ajv.addFormat('uscc', { type: 'string', validate: looksLikeUscc });
// The date forms government feeds write: 2026-11-27, 2026/11/27, 2026年11月27日, with or without time.
ajv.addFormat('date-cn', { type: 'string', validate: (s: string) => parseChinaTime(s) !== undefined });

const compiled = new WeakMap<object, ValidateFunction>();

export interface RecordError {
  /** JSON Pointer to the offending value, '' for the record itself. */
  path: string;
  message: string;
}

export function validatorFor(schema: object): (record: unknown) => RecordError[] {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  const fn = validate;
  return (record) => (fn(record) ? [] : (fn.errors ?? []).map(describeError));
}

function describeError(error: ErrorObject): RecordError {
  const path = error.instancePath;
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return { path: `${path}/${missing}`, message: `required field "${missing}" is missing` };
  }
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    return { path: `${path}/${extra}`, message: `unexpected field "${extra}"` };
  }
  // Quote the value, and say what was expected in the schema's own words when it has them.
  const expected = (error.parentSchema as { description?: string } | undefined)?.description;
  const got = `${fieldName(path)}is ${quote(error.data)}`;
  return { path, message: expected ? `${got}: expected ${lowerFirst(expected)}` : `${got}: ${error.message ?? error.keyword}` };
}

function fieldName(path: string): string {
  const last = path.split('/').pop();
  return last ? `"${last}" ` : 'the record ';
}

function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${sliceWhole(text, 57)}...` : text;
}

/** The first `length` code units, one fewer if the cut would split a surrogate pair (e.g. 𠮷). */
function sliceWhole(text: string, length: number): string {
  const last = text.charCodeAt(length - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? length - 1 : length);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
