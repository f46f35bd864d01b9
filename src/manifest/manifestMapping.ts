import { DOMAIN_CONTRACTS, type DisclosureLink, type Domain, type GenericDisclosureInput, type StoredStatus } from '../domain/contract';
import { parseChinaTime } from '../domain/chinaTime';
import type { CompiledExpression } from './expression';
import type { MappedField } from './manifestShape';

/** A manifest stream's mapping, compiled: one expression per mapped field, and its links. */
export interface CompiledMapping {
  domain: Domain;
  kind: string;
  fields: Partial<Record<MappedField, CompiledExpression>>;
  links: Array<{ relation: string; stream: string; key: CompiledExpression }>;
}

type Values = Partial<Record<MappedField, unknown>> & { links?: unknown[] };

/**
 * The mapping as a stream's `toDisclosure`. When every expression is in the quick subset the
 * record maps synchronously, as a coded stream's does; otherwise the JSONata answers are awaited
 * together. A value of the wrong type throws, naming the field and its expression: the record is
 * quarantined at "map" with that reason, and the data team knows which line to fix.
 */
export function manifestToDisclosure(mapping: CompiledMapping): (record: unknown) => GenericDisclosureInput | Promise<GenericDisclosureInput> {
  const entries = Object.entries(mapping.fields) as Array<[MappedField, CompiledExpression]>;
  const statuses = new Set<string>(DOMAIN_CONTRACTS[mapping.domain].statuses);
  const roles = new Set<string>(Object.values(DOMAIN_CONTRACTS[mapping.domain].roles));
  const build = (record: unknown, values: Values) => disclosureOf(mapping, record, values, statuses, roles);
  return (record) => {
    const values: Values = {};
    const pending: Array<Promise<void>> = [];
    for (const [field, expression] of entries) {
      const value = expression.evaluate(record);
      if (value instanceof Promise) pending.push(value.then((v) => void (values[field] = v), (e) => Promise.reject(expressionFailed(field, expression, e))));
      else values[field] = value;
    }
    const linkValues = mapping.links.map((link) => link.key.evaluate(record));
    if (pending.length === 0 && !linkValues.some((v) => v instanceof Promise)) return build(record, { ...values, links: linkValues });
    return Promise.all([Promise.all(pending), Promise.all(linkValues)]).then(([, links]) => build(record, { ...values, links }));
  };
}

function expressionFailed(field: string, expression: CompiledExpression, error: unknown): Error {
  return new Error(`mapping.${field} (${expression.text}) failed: ${(error as Error)?.message ?? String(error)}`);
}

function disclosureOf(mapping: CompiledMapping, record: unknown, values: Values, statuses: Set<string>, roles: Set<string>): GenericDisclosureInput {
  const expressionOf = (field: MappedField) => mapping.fields[field]?.text ?? '';
  const problem = (field: MappedField, value: unknown, expected: string) =>
    new Error(`mapping.${field} (${expressionOf(field)}) gave ${describe(value)}; expected ${expected}`);

  const text = (field: MappedField, required: boolean): string | null => {
    const value = values[field];
    if (value === undefined || value === null || value === '') {
      if (required) throw problem(field, value, 'a text that is not empty');
      return null;
    }
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw problem(field, value, 'a text');
  };
  const time = (field: MappedField, required: boolean): Date | undefined => {
    const value = values[field];
    if (value === undefined || value === null || value === '') {
      if (required) throw problem(field, value, 'a date or date-time such as 2026-03-01 or 2026-03-01 09:30:00');
      return undefined;
    }
    const date = typeof value === 'string' ? parseChinaTime(value) : typeof value === 'number' ? new Date(value) : undefined;
    if (!date || Number.isNaN(date.getTime())) throw problem(field, value, 'a date or date-time such as 2026-03-01 or 2026-03-01 09:30:00 (China time)');
    return date;
  };

  const status = text('status', true)!;
  if (!statuses.has(status)) throw problem('status', status, `one of the ${mapping.domain} domain's statuses (${[...statuses].join(', ')})`);
  const attributes = mapping.fields.attributes ? values.attributes : record;
  if (attributes === null || typeof attributes !== 'object' || Array.isArray(attributes)) throw problem('attributes', attributes, 'an object of fields');

  return {
    kind: mapping.kind,
    title: text('title', true)!,
    publishedAt: time('publishedAt', true)!,
    updatedAt: time('updatedAt', false),
    status: status as StoredStatus,
    publisher: text('publisher', false),
    region: text('region', false),
    subject: subjectOf(values.subject, (expected) => problem('subject', values.subject, expected)),
    parties: partiesOf(values.parties, roles, (expected) => problem('parties', values.parties, expected)) as GenericDisclosureInput['parties'],
    attributes: attributes as Record<string, unknown>,
    searchText: textsOf(values.searchText, (expected) => problem('searchText', values.searchText, expected)),
    sourceUrl: text('sourceUrl', false),
    personal: personalOf(values.personal, (expected) => problem('personal', values.personal, expected)),
    links: linksOf(mapping, values.links ?? []),
  };
}

function subjectOf(value: unknown, problem: (expected: string) => Error): GenericDisclosureInput['subject'] {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value ? { name: value } : null;
  const subject = value as { name?: unknown; uscc?: unknown };
  if (typeof value !== 'object' || Array.isArray(value) || typeof subject.name !== 'string' || !subject.name) {
    throw problem('an object {name, uscc} with a name, a name alone, or null');
  }
  if (subject.uscc !== undefined && subject.uscc !== null && typeof subject.uscc !== 'string') throw problem('a uscc that is text');
  return { name: subject.name, uscc: (subject.uscc as string | null | undefined) ?? null };
}

function partiesOf(value: unknown, roles: Set<string>, problem: (expected: string) => Error) {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => {
    const party = item as { role?: unknown; name?: unknown; uscc?: unknown };
    if (!party || typeof party !== 'object' || typeof party.name !== 'string' || !party.name) throw problem('a list of {role, name, uscc}');
    if (typeof party.role !== 'string' || !roles.has(party.role)) throw problem(`roles from ${[...roles].join(', ') || 'none (this domain has no party roles)'}`);
    return { role: party.role, name: party.name, uscc: typeof party.uscc === 'string' ? party.uscc : null };
  });
}

function textsOf(value: unknown, problem: (expected: string) => Error): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  if (list.some((item) => item !== null && typeof item !== 'string' && typeof item !== 'number')) throw problem('a text or a list of texts');
  return list.filter((item) => item !== null).map(String);
}

function personalOf(value: unknown, problem: (expected: string) => Error): Record<string, string | null> | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) throw problem('an object of texts');
  return value as Record<string, string | null>;
}

/** Each declared link gives none (no value), one key, or a list of keys. */
function linksOf(mapping: CompiledMapping, values: unknown[]): DisclosureLink[] {
  return mapping.links.flatMap((link, i) => {
    const value = values[i];
    const keys = value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
    return keys
      .filter((key) => key !== null && key !== '')
      .map((key) => {
        if (typeof key !== 'string' && typeof key !== 'number') throw new Error(`links[${i}].key (${link.key.text}) gave ${describe(key)}; expected a key, a list of keys, or nothing`);
        return { relation: link.relation, stream: link.stream, key: String(key) };
      });
  });
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
