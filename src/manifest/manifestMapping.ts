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
  const contract: DomainRules = {
    statuses: new Set<string>(DOMAIN_CONTRACTS[mapping.domain].statuses),
    roles: new Set<string>(Object.values(DOMAIN_CONTRACTS[mapping.domain].roles)),
  };
  return (record) => {
    const values: Values = {};
    const pending: Array<Promise<void>> = [];
    for (const [field, expression] of entries) {
      const value = expression.evaluate(record);
      if (value instanceof Promise) pending.push(value.then((v) => void (values[field] = v), (e) => Promise.reject(expressionFailed(field, expression, e))));
      else values[field] = value;
    }
    const links = mapping.links.map((link) => link.key.evaluate(record));
    const build = () => new MappedRecord(mapping, contract, record, values).disclosure();
    if (pending.length === 0 && !links.some((v) => v instanceof Promise)) {
      values.links = links;
      return build();
    }
    return Promise.all([Promise.all(pending), Promise.all(links)]).then(([, settled]) => {
      values.links = settled;
      return build();
    });
  };
}

/** What the domain's contract allows a mapping to give, as sets built once per stream. */
interface DomainRules {
  statuses: Set<string>;
  roles: Set<string>;
}

function expressionFailed(field: string, expression: CompiledExpression, error: unknown): Error {
  return new Error(`mapping.${field} (${expression.text}) failed: ${(error as Error)?.message ?? String(error)}`);
}

const DATE_EXAMPLE = 'a date or date-time such as 2026-03-01 or 2026-03-01 09:30:00';

/**
 * One record's evaluated expressions, read as the unified model's fields. One object per record
 * (a sync maps hundreds of thousands): its readers are methods, not closures made for each record.
 */
class MappedRecord {
  constructor(
    private readonly mapping: CompiledMapping,
    private readonly contract: DomainRules,
    private readonly record: unknown,
    private readonly values: Values,
  ) {}

  disclosure(): GenericDisclosureInput {
    const status = this.text('status', true)!;
    if (!this.contract.statuses.has(status)) this.fail('status', `one of the ${this.mapping.domain} domain's statuses (${[...this.contract.statuses].join(', ')})`);
    const attributes = this.mapping.fields.attributes ? this.values.attributes : this.record;
    if (attributes === null || typeof attributes !== 'object' || Array.isArray(attributes)) this.fail('attributes', 'an object of fields');
    return {
      kind: this.mapping.kind,
      title: this.text('title', true)!,
      publishedAt: this.time('publishedAt', true)!,
      updatedAt: this.time('updatedAt', false),
      status: status as StoredStatus,
      publisher: this.text('publisher', false),
      region: this.text('region', false),
      subject: this.subject(),
      parties: this.parties() as GenericDisclosureInput['parties'],
      attributes: attributes as Record<string, unknown>,
      searchText: this.texts('searchText'),
      sourceUrl: this.text('sourceUrl', false),
      personal: this.personal(),
      links: linksOf(this.mapping, this.values.links ?? []),
    };
  }

  /** Throws the record's quarantine reason: the field, its expression, what it gave and what it should. */
  private fail(field: MappedField, expected: string): never {
    const value = this.values[field];
    throw new Error(`mapping.${field} (${this.mapping.fields[field]?.text ?? ''}) gave ${describe(value)}; expected ${expected}`);
  }

  private text(field: MappedField, required: boolean): string | null {
    const value = this.values[field];
    if (value === undefined || value === null || value === '') {
      if (required) this.fail(field, 'a text that is not empty');
      return null;
    }
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return this.fail(field, 'a text');
  }

  private time(field: MappedField, required: boolean): Date | undefined {
    const value = this.values[field];
    if (value === undefined || value === null || value === '') {
      if (required) this.fail(field, DATE_EXAMPLE);
      return undefined;
    }
    const date = typeof value === 'string' ? parseChinaTime(value) : typeof value === 'number' ? new Date(value) : undefined;
    if (!date || Number.isNaN(date.getTime())) this.fail(field, `${DATE_EXAMPLE} (China time)`);
    return date;
  }

  private subject(): GenericDisclosureInput['subject'] {
    const value = this.values.subject;
    if (value === undefined || value === null) return null;
    if (typeof value === 'string') return value ? { name: value } : null;
    const subject = value as { name?: unknown; uscc?: unknown };
    if (typeof value !== 'object' || Array.isArray(value) || typeof subject.name !== 'string' || !subject.name) {
      this.fail('subject', 'an object {name, uscc} with a name, a name alone, or null');
    }
    if (subject.uscc !== undefined && subject.uscc !== null && typeof subject.uscc !== 'string') this.fail('subject', 'a uscc that is text');
    return { name: subject.name, uscc: (subject.uscc as string | null | undefined) ?? null };
  }

  private parties() {
    const value = this.values.parties;
    if (value === undefined || value === null) return [];
    const roles = this.contract.roles;
    return (Array.isArray(value) ? value : [value]).map((item) => {
      const party = item as { role?: unknown; name?: unknown; uscc?: unknown };
      if (!party || typeof party !== 'object' || typeof party.name !== 'string' || !party.name) this.fail('parties', 'a list of {role, name, uscc}');
      if (typeof party.role !== 'string' || !roles.has(party.role)) this.fail('parties', `roles from ${[...roles].join(', ') || 'none (this domain has no party roles)'}`);
      return { role: party.role, name: party.name, uscc: typeof party.uscc === 'string' ? party.uscc : null };
    });
  }

  private texts(field: MappedField): string[] {
    const value = this.values[field];
    if (value === undefined || value === null) return [];
    const list = Array.isArray(value) ? value : [value];
    if (list.some((item) => item !== null && typeof item !== 'string' && typeof item !== 'number')) this.fail(field, 'a text or a list of texts');
    return list.filter((item) => item !== null).map(String);
  }

  private personal(): Record<string, string | null> | null {
    const value = this.values.personal;
    if (value === undefined || value === null) return null;
    if (typeof value !== 'object' || Array.isArray(value)) this.fail('personal', 'an object of texts');
    return value as Record<string, string | null>;
  }
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
