import type { EntityView } from '../entity/served';
import { stateOfStatus, statusesInState } from '../../domain/contract';
import type { Knex } from 'knex';
import { normalizeUscc } from '../../domain/uscc';
import type { DisclosureRow as StoredDisclosureRow } from '../../sync/normalize';

/**
 * The columns every disclosure has, whatever its domain: which the API selects, how it serves them
 * (the Disclosure interface's fields) and how a DisclosureFilter narrows them. The stored statuses
 * meet the API's here and nowhere else.
 */

/** The columns the Disclosure interface's fields are served from. */
export const COMMON_COLUMNS = [
  'd.id', 'd.domain', 'd.kind', 'd.stream', 'd.source_key', 'd.title', 'd.publisher', 'd.region', 'd.published_at',
  'd.source_updated_at', 'd.status', 'd.subject_uscc', 'd.subject_name', 'd.subject_uscc_valid', 'd.subject_uscc_reason',
  'd.entity_uscc', 'd.source_url', 'd.version',
];

/** What every page reads whatever its selection: the row's key and order, and what names its type. */
const KEY_COLUMNS = ['d.id', 'd.domain', 'd.kind', 'd.published_at'];

/** The columns each field of the Disclosure interface is served from, beyond the key columns. */
const COLUMNS_BY_FIELD: Readonly<Record<string, readonly string[]>> = {
  id: [], domain: [], kind: [], publishedAt: [], revisions: [], __typename: [],
  title: ['d.title'],
  publisher: ['d.publisher'],
  division: ['d.region'],
  updatedAt: ['d.source_updated_at'],
  status: ['d.status'],
  sourceUrl: ['d.source_url'],
  subject: ['d.entity_uscc', 'd.subject_uscc', 'd.subject_name', 'd.subject_uscc_reason'],
};

/**
 * The columns a page reads when its nodes select only interface fields: those fields' columns. A
 * page of ids and titles then parses four columns a row instead of eighteen. A field this map does
 * not know reads them all.
 */
export function commonColumnsFor(fields: Iterable<string>): readonly string[] {
  const columns = new Set(KEY_COLUMNS);
  for (const field of fields) {
    const own = COLUMNS_BY_FIELD[field];
    if (!own) return COMMON_COLUMNS;
    for (const column of own) columns.add(column);
  }
  return [...columns];
}

/** Every column but the search text, which only the WHERE clause needs: with each type's own fields. */
export const DISCLOSURE_COLUMNS = [...COMMON_COLUMNS, 'd.attributes', 'd.links'];

/**
 * A row of `disclosures` as DISCLOSURE_COLUMNS select it: the shape the engine writes (one
 * declaration, in src/sync/normalize.ts), with the id the store gives it; `attributes` is its
 * kind's own shape (src/domain/contract).
 */
export type DisclosureRow = Omit<StoredDisclosureRow, 'attributes' | 'parties' | 'personal' | 'search_text' | 'content_hash'> & {
  id: number | string;
  attributes: any;
};

/** The subject as stored: what the `subject` resolver links to an entity, or shows flagged. */
export interface StoredSubject {
  /** Set by the engine when the code is valid: the entity it links to. */
  entityUscc: string | null;
  /** The code as the source gave it, normalised, valid or not. */
  uscc: string | null;
  name: string | null;
  /** Why the code fails its check, when it does. */
  reason: string | null;
  /**
   * The entity the list's own statement joined for it (null: the code links to none); unset when
   * the row was read without the join, and the request's entity loader finds it.
   */
  joined?: EntityView | null;
}

/** The Disclosure interface's fields, as every concrete type serves them. */
export interface DisclosureFields {
  id: string;
  domain: string;
  kind: string;
  title: string;
  publisher: string | null;
  publishedAt: Date;
  updatedAt: Date;
  status: ReturnType<typeof stateOfStatus>;
  sourceUrl: string | null;
  /** Not a field: what `subject` is resolved from. */
  storedSubject: StoredSubject;
  /** Not a field: what `division` is resolved from (the stored region, a division's name). */
  storedRegion: string | null;
}

/**
 * The interface's fields from a row; a row read with only the columns of the selected fields
 * (commonColumnsFor) serves the others undefined, and no resolver reads them.
 */
export function disclosureFields(row: DisclosureRow): DisclosureFields {
  return {
    id: String(row.id),
    domain: row.domain,
    kind: row.kind,
    title: row.title,
    publisher: row.publisher,
    publishedAt: row.published_at,
    updatedAt: row.source_updated_at,
    status: row.status === undefined ? (undefined as never) : stateOfStatus(row.status),
    sourceUrl: row.source_url,
    storedSubject: { entityUscc: row.entity_uscc, uscc: row.subject_uscc, name: row.subject_name, reason: row.subject_uscc_reason },
    storedRegion: row.region,
  };
}

export interface DisclosureFilter {
  domain?: string | null;
  kind?: string | null;
  publisher?: string | null;
  region?: string | null;
  subjectUscc?: string | null;
  status?: string | null;
  publishedFrom?: Date | null;
  publishedTo?: Date | null;
}

/** Whether applyFilter narrows anything: some field of the filter is given. */
export function filterApplies(filter: DisclosureFilter | null | undefined): boolean {
  return !!filter && Object.values(filter).some(Boolean);
}

/** Applies a filter to a query over `disclosures` (aliased `d`). Every value is a bound parameter. */
export function applyFilter(query: Knex.QueryBuilder, filter: DisclosureFilter | null | undefined): Knex.QueryBuilder {
  if (!filter) return query;
  if (filter.domain) query.where('d.domain', filter.domain);
  if (filter.kind) query.where('d.kind', filter.kind);
  if (filter.publisher) query.where('d.publisher', filter.publisher);
  if (filter.region) query.where('d.region', filter.region);
  if (filter.subjectUscc) query.where('d.subject_uscc', normalizeUscc(filter.subjectUscc));
  if (filter.status) query.whereIn('d.status', statusesInState(filter.status));
  if (filter.publishedFrom) query.where('d.published_at', '>=', filter.publishedFrom);
  if (filter.publishedTo) query.where('d.published_at', '<', filter.publishedTo);
  return query;
}
