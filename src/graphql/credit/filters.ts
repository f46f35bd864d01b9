import type { Knex } from 'knex';
import { GraphQLError } from 'graphql';
import { normalizeUscc } from '../../domain/uscc';
import type { DisclosureFilter } from '../queries/disclosureFilter';

/**
 * The credit domain queries' filters, as a DisclosureFilter (for the columns every disclosure has)
 * plus a scope over `attributes`. Every user value is a bound parameter; the SQL text is fixed.
 */
export interface CreditScope {
  filter: DisclosureFilter;
  scope: (q: Knex.QueryBuilder) => void;
}

interface DecisionFilter {
  authority?: string | null;
  authorityUscc?: string | null;
  decidedFrom?: string | null;
  decidedTo?: string | null;
  subjectUscc?: string | null;
  partyCategory?: string | null;
  region?: string | null;
  status?: string | null;
}

export interface PenaltyFilter extends DecisionFilter {
  category?: string | null;
  minFine?: number | null;
  maxFine?: number | null;
}

export interface LicenceFilter extends DecisionFilter {
  category?: string | null;
}

export interface ListingFilter {
  state?: 'LISTED' | 'REMOVED' | null;
  authority?: string | null;
  listedFrom?: string | null;
  listedTo?: string | null;
  subjectUscc?: string | null;
  region?: string | null;
}

/** A condition on attributes: SQL with one `?`, applied when its value is given. */
type Condition = [sql: string, value: unknown];

function scopeOf(conditions: Condition[]): (q: Knex.QueryBuilder) => void {
  const given = conditions.filter(([, value]) => value !== undefined && value !== null);
  return (q) => {
    for (const [sql, value] of given) q.whereRaw(sql, [value]);
  };
}

/** The columns all disclosures have: kind, authority (the publisher), region, subject. */
function columns(kind: string, f: { authority?: string | null; region?: string | null; subjectUscc?: string | null }): DisclosureFilter {
  return { kind, publisher: f.authority ?? null, region: f.region ?? null, subjectUscc: f.subjectUscc ?? null };
}

function decisionConditions(f: DecisionFilter): Condition[] {
  return [
    [`d.attributes->'authority'->>'uscc' = ?`, f.authorityUscc ? normalizeUscc(f.authorityUscc) : null],
    [`(d.attributes->'decision'->>'date')::date >= ?::date`, calendarDay(f.decidedFrom, 'decidedFrom')],
    [`(d.attributes->'decision'->>'date')::date <= ?::date`, calendarDay(f.decidedTo, 'decidedTo')],
    [`d.attributes->'party'->'category'->>'code' = ?`, f.partyCategory],
  ];
}

export function penaltyScope(f: PenaltyFilter | null | undefined): CreditScope {
  const filter = f ?? {};
  return {
    filter: { ...columns('administrative-penalty', filter), status: filter.status ?? null },
    scope: scopeOf([
      ...decisionConditions(filter),
      // Containment: the record lists this category among its categories.
      [`d.attributes->'categories' @> ?::jsonb`, filter.category ? JSON.stringify([{ code: filter.category }]) : null],
      [`(d.attributes->>'fine')::numeric >= ?`, amount(filter.minFine, 'minFine')],
      [`(d.attributes->>'fine')::numeric <= ?`, amount(filter.maxFine, 'maxFine')],
    ]),
  };
}

export function licenceScope(f: LicenceFilter | null | undefined): CreditScope {
  const filter = f ?? {};
  return {
    filter: { ...columns('administrative-licence', filter), status: filter.status ?? null },
    scope: scopeOf([...decisionConditions(filter), [`d.attributes->'category'->>'code' = ?`, filter.category]]),
  };
}

/** Both market-regulator lists: a listing is removed exactly when its stored status says so. */
export function listingScope(kind: 'abnormal-operation' | 'serious-violation', f: ListingFilter | null | undefined): CreditScope {
  const filter = f ?? {};
  const state = filter.state ? (filter.state === 'REMOVED' ? 'removed' : 'listed') : null;
  return {
    filter: columns(kind, filter),
    scope: scopeOf([
      [`d.status = ?`, state],
      [`(d.attributes->'listing'->>'date')::date >= ?::date`, calendarDay(filter.listedFrom, 'listedFrom')],
      [`(d.attributes->'listing'->>'date')::date <= ?::date`, calendarDay(filter.listedTo, 'listedTo')],
    ]),
  };
}

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** A calendar day as YYYY-MM-DD that exists (2026-02-30 does not); null when not given. */
export function calendarDay(value: string | null | undefined, name: string): string | null {
  if (value === null || value === undefined) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!match || !date || date.toISOString().slice(0, 10) !== value.trim()) {
    throw badInput(`"${name}" must be a calendar day written YYYY-MM-DD, got ${JSON.stringify(value.slice(0, 40))}`);
  }
  return value.trim();
}

/** An amount in 万元: finite and not negative; null when not given. */
function amount(value: number | null | undefined, name: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value) || value < 0) throw badInput(`"${name}" is an amount in 10,000 yuan and cannot be negative, got ${value}`);
  return value;
}
