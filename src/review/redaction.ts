import type { DisclosureRow } from '../sync/normalize';
import type { Finding } from './contract';
import { rewriteServedTexts } from './rewriteRow';
import type { Substitution } from './searchText';
import { servedTexts } from './servedTexts';

/** What a field redacted whole reads, in the full-width brackets of an editor's note. */
export const REDACTED_FIELD = '［已删除］';

/** A redaction named a field the row does not serve. */
export class RedactFieldError extends Error {
  override name = 'RedactFieldError';
  constructor(
    readonly field: string,
    readonly available: readonly string[],
  ) {
    super(`the record has no text field ${field}; name one of its text fields: ${available.join(', ')}`);
  }
}

/**
 * A held row as an admin's redaction publishes it.
 *
 * Without `fields`, every finding's span is masked and the rest stays as it was. With `fields`,
 * only the named fields change: in each, the findings' spans are masked, and a named field with
 * no finding is replaced whole by REDACTED_FIELD. A name covers the texts below it too
 * (`attributes.lots` names every text of every lot). A masked span is one `*` per character, so
 * spans later in the same text stay where the findings say.
 *
 * The search text gets the same substitutions and the content hash is computed again. Nothing
 * depends on the order of `findings` or `fields`: the same row, findings and fields always give
 * the same row and hash, so a re-sync of the same content finds the redaction's result alike.
 */
export function redactRow(row: DisclosureRow, findings: readonly Finding[], fields?: readonly string[]): DisclosureRow {
  const texts = servedTexts(row);
  const spansOf = spansByField(findings, texts);
  const targets = fields === undefined ? texts.filter((t) => spansOf.has(t.field)) : namedTexts(texts, fields);
  const replacements = new Map<string, string>();
  const substitutions: Substitution[] = [];
  for (const { field, text } of targets) {
    const spans = spansOf.get(field);
    if (spans) {
      replacements.set(field, maskSpans(text, spans, substitutions));
    } else {
      replacements.set(field, REDACTED_FIELD);
      substitutions.push({ original: text, replacement: REDACTED_FIELD, wholeLine: true });
    }
  }
  return replacements.size === 0 ? row : rewriteServedTexts(row, replacements, substitutions);
}

/** The texts the named fields cover, in the row's order; a name that covers none is refused. */
function namedTexts(texts: ReturnType<typeof servedTexts>, fields: readonly string[]): ReturnType<typeof servedTexts> {
  const covers = (name: string, field: string) => field === name || field.startsWith(`${name}.`) || field.startsWith(`${name}[`);
  for (const name of fields) {
    if (!texts.some((t) => covers(name, t.field))) throw new RedactFieldError(name, texts.map((t) => t.field));
  }
  return texts.filter((t) => fields.some((name) => covers(name, t.field)));
}

/** Each field's finding spans, merged where they overlap; a finding outside its text is refused. */
function spansByField(findings: readonly Finding[], texts: ReturnType<typeof servedTexts>): Map<string, Array<[number, number]>> {
  const lengths = new Map(texts.map((t) => [t.field, t.text.length]));
  const byField = new Map<string, Array<[number, number]>>();
  for (const f of findings) {
    const length = lengths.get(f.field);
    if (length === undefined) throw new RedactFieldError(f.field, [...lengths.keys()]);
    if (!(f.start >= 0 && f.start < f.end && f.end <= length)) {
      throw new Error(`finding ${f.rule} in ${f.field} spans ${f.start}–${f.end}, outside the field's ${length} characters: the findings are not this row's`);
    }
    const spans = byField.get(f.field) ?? [];
    spans.push([f.start, f.end]);
    byField.set(f.field, spans);
  }
  for (const [field, spans] of byField) byField.set(field, merged(spans));
  return byField;
}

function merged(spans: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

function maskSpans(text: string, spans: ReadonlyArray<[number, number]>, substitutions: Substitution[]): string {
  let out = '';
  let cursor = 0;
  for (const [start, end] of spans) {
    const stars = '*'.repeat(end - start);
    substitutions.push({ original: text.slice(start, end), replacement: stars });
    out += text.slice(cursor, start) + stars;
    cursor = end;
  }
  return out + text.slice(cursor);
}
