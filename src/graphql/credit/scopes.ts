import { CREDIT, type ListingKind } from '../../domain/contract';
import { normalizeUscc } from '../../domain/uscc';
import type { DisclosureFilter } from '../disclosures/columns';
import { badInput } from '../shared/badInput';
import { scopeOf, whenGiven, type Condition, type DisclosureScope } from '../shared/scope';
import { LISTING_STATUS } from './listingState';

/**
 * The credit domain queries' filters, as a DisclosureFilter (for the columns every disclosure has)
 * plus a scope over `attributes` (shared/scope.ts).
 */

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
  state?: keyof typeof LISTING_STATUS | null;
  authority?: string | null;
  listedFrom?: string | null;
  listedTo?: string | null;
  subjectUscc?: string | null;
  region?: string | null;
}

/** The columns all disclosures have: kind, authority (the publisher), region, subject. */
function columns(kind: string, f: { authority?: string | null; region?: string | null; subjectUscc?: string | null }): DisclosureFilter {
  return { kind, publisher: f.authority ?? null, region: f.region ?? null, subjectUscc: f.subjectUscc ?? null };
}

function decisionConditions(f: DecisionFilter): Condition[] {
  return [
    whenGiven(`d.attributes->'authority'->>'uscc' = ?`, f.authorityUscc ? normalizeUscc(f.authorityUscc) : null),
    whenGiven(`(d.attributes->'decision'->>'date')::date >= ?::date`, calendarDay(f.decidedFrom, 'decidedFrom')),
    whenGiven(`(d.attributes->'decision'->>'date')::date <= ?::date`, calendarDay(f.decidedTo, 'decidedTo')),
    whenGiven(`d.attributes->'party'->'category'->>'code' = ?`, f.partyCategory),
  ];
}

export function penaltyScope(f: PenaltyFilter | null | undefined): DisclosureScope {
  const filter = f ?? {};
  return {
    filter: { ...columns(CREDIT.kinds.penalty, filter), status: filter.status ?? null },
    scope: scopeOf([
      ...decisionConditions(filter),
      // Containment: the record lists this category among its categories.
      whenGiven(`d.attributes->'categories' @> ?::jsonb`, filter.category ? JSON.stringify([{ code: filter.category }]) : null),
      whenGiven(`(d.attributes->>'fine')::numeric >= ?`, amount(filter.minFine, 'minFine')),
      whenGiven(`(d.attributes->>'fine')::numeric <= ?`, amount(filter.maxFine, 'maxFine')),
    ]),
  };
}

export function licenceScope(f: LicenceFilter | null | undefined): DisclosureScope {
  const filter = f ?? {};
  return {
    filter: { ...columns(CREDIT.kinds.licence, filter), status: filter.status ?? null },
    scope: scopeOf([...decisionConditions(filter), whenGiven(`d.attributes->'category'->>'code' = ?`, filter.category)]),
  };
}

/** Both market-regulator lists: the state is the stored status (listingState.ts). */
export function listingScope(kind: ListingKind, f: ListingFilter | null | undefined): DisclosureScope {
  const filter = f ?? {};
  return {
    filter: columns(kind, filter),
    scope: scopeOf([
      whenGiven(`d.status = ?`, filter.state ? LISTING_STATUS[filter.state] : null),
      whenGiven(`(d.attributes->'listing'->>'date')::date >= ?::date`, calendarDay(filter.listedFrom, 'listedFrom')),
      whenGiven(`(d.attributes->'listing'->>'date')::date <= ?::date`, calendarDay(filter.listedTo, 'listedTo')),
    ]),
  };
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
