import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import { ContractViolationError, contractViolation, type AnyDisclosureInput, type DisclosureLink, type Domain } from '../domain/contract';
import { attributeShapeProblem } from './attributeShapes';
import { validateUscc } from '../domain/uscc';
import { regionVocabulary } from '../domain/region';
import { sourceLink } from './sourceLink';
import type { MappingContext } from './stream';

/** A disclosure as the store keeps it: the unified record plus identity, subject check and hash. */
export interface DisclosureRow {
  domain: string;
  kind: string;
  stream: string;
  source_key: string;
  title: string;
  publisher: string | null;
  region: string | null;
  published_at: Date;
  source_updated_at: Date;
  status: string;
  subject_uscc: string | null;
  subject_name: string | null;
  subject_uscc_valid: boolean | null;
  subject_uscc_reason: string | null;
  entity_uscc: string | null;
  source_url: string | null;
  content_hash: string;
  attributes: object;
  personal: Record<string, unknown> | null;
  search_text: string;
  /** Null when the record links nothing: most do not, and an empty list would only take room. */
  links: DisclosureLink[] | null;
  /** Not a column of `disclosures`: written to `disclosure_parties`. */
  parties: PartyRow[];
}

export interface PartyRow {
  role: string;
  name: string;
  uscc: string | null;
  uscc_valid: boolean | null;
  entity_uscc: string | null;
}

/** Where a mapped record comes from: its connector's domain, its stream and its key at the source. */
export interface RowOrigin {
  domain: Domain;
  /** The stream's full name, connector/stream. */
  stream: string;
  sourceKey: string;
  /** Kinds the stream's connector declares beyond its domain's (a manifest's own kinds). */
  ownKinds?: ReadonlySet<string>;
  /**
   * Whether the mapped attributes are held to their kind's shape (DomainContract.attributeShapes):
   * a manifest's are, record by record; a coded mapping's are held to the same type by tsc.
   */
  checkAttributeShapes?: boolean;
}

/**
 * The stored row of a mapped record. A mapping that breaks its domain's contract (an unknown kind,
 * status or role) throws ContractViolationError: that is a connector bug, not a bad record, so the
 * run fails naming the stream instead of quarantining every record one by one. The deployment's
 * city places the region in its vocabulary and gives the source link a mapping left out.
 */
export function toDisclosureRow(input: AnyDisclosureInput, origin: RowOrigin, context: MappingContext): DisclosureRow {
  const { domain, stream, sourceKey } = origin;
  const violation = contractViolation(domain, input, origin.ownKinds);
  if (violation) throw new ContractViolationError(`${stream} wrote a disclosure its contract does not allow: ${violation}; fix the stream's mapping`);
  // A record whose mapped attributes miss their kind's shape is quarantined, as a bad record is.
  const shapeProblem = origin.checkAttributeShapes ? attributeShapeProblem(input) : null;
  if (shapeProblem) throw new Error(shapeProblem);
  const subject = checkSubject(input.subject);
  const row: Omit<DisclosureRow, 'content_hash'> = {
    domain,
    kind: input.kind,
    stream,
    source_key: sourceKey,
    title: input.title,
    publisher: input.publisher ?? null,
    region: regionVocabulary(context.city).resolve(input.region)?.name ?? null,
    published_at: requireDate(input.publishedAt, 'publishedAt'),
    source_updated_at: requireDate(input.updatedAt ?? input.publishedAt, 'updatedAt'),
    status: input.status,
    ...subject,
    source_url: input.sourceUrl ?? sourceLink(context.city, origin, input),
    attributes: input.attributes,
    personal: input.personal ?? null,
    search_text: searchText(input),
    links: input.links?.length ? input.links : null,
    parties: (input.parties ?? []).map(checkParty),
  };
  return { ...row, content_hash: contentHash(row) };
}

/**
 * The hash covers everything a reader of the disclosure can see. Two reads of an unchanged record
 * hash alike whatever the key order of its attributes, so a re-sync writes nothing.
 */
export function contentHash(row: Omit<DisclosureRow, 'content_hash'>): string {
  // Without links when there are none, so the hashes of records stored before links existed hold.
  const { stream: _s, source_key: _k, links, ...rest } = row;
  const visible = links ? { ...rest, links } : rest;
  return createHash('sha256').update(stringify(visible) ?? '').digest('hex');
}

function checkSubject(subject: AnyDisclosureInput['subject']) {
  if (!subject) {
    return { subject_uscc: null, subject_name: null, subject_uscc_valid: null, subject_uscc_reason: null, entity_uscc: null };
  }
  if (!subject.uscc) {
    return { subject_uscc: null, subject_name: subject.name, subject_uscc_valid: null, subject_uscc_reason: null, entity_uscc: null };
  }
  const check = validateUscc(subject.uscc);
  return {
    subject_uscc: check.normalized,
    subject_name: subject.name,
    subject_uscc_valid: check.valid,
    subject_uscc_reason: check.valid ? null : (check.reason ?? 'invalid'),
    // Only a valid code links to an entity: a typo or placeholder must not merge strangers.
    entity_uscc: check.valid ? check.normalized : null,
  };
}

function checkParty(party: { role: string; name: string; uscc?: string | null }): PartyRow {
  if (!party.uscc) return { role: party.role, name: party.name, uscc: null, uscc_valid: null, entity_uscc: null };
  const check = validateUscc(party.uscc);
  return { role: party.role, name: party.name, uscc: check.normalized, uscc_valid: check.valid, entity_uscc: check.valid ? check.normalized : null };
}

function requireDate(value: Date, field: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new Error(`${field} is not a valid date`);
  }
  return value;
}

/**
 * How much of a disclosure's text search covers. Every stored row's search text is cut into bigrams
 * and indexed (migration 005), so the work of one insert grows with it: a 10 MB field once held an
 * INSERT for minutes. Titles, names and the passages streams add are far shorter than this; a
 * longer text is searchable by its first 10,000 characters, and stays whole in the attributes.
 */
export const SEARCH_TEXT_MAX_CHARS = 10_000;

function searchText(input: AnyDisclosureInput): string {
  const parts = [input.title, input.subject?.name, input.publisher, input.region, ...(input.parties ?? []).map((p) => p.name), ...(input.searchText ?? [])];
  return capped(parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n'), SEARCH_TEXT_MAX_CHARS);
}

/** The first `max` UTF-16 units, one fewer if the cut would leave half a surrogate pair (unstorable). */
function capped(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}
