import { getArgumentValues, isObjectType, type FieldNode, type GraphQLField, type GraphQLResolveInfo } from 'graphql';
import type { Knex } from 'knex';
import { readForInputs, type TemplateKey } from '../../db/inputTemplates';
import { prepared } from '../../db/preparedStatements';
import { CREDIT_SUMMARY_COLUMNS, ENTITY_CREDIT_SUMMARIES } from '../../summaries/entityCreditSummaries';
import { ENTITY_DOMAIN_COUNTS } from '../../summaries/entityDomainCounts';
import type { HubContext } from '../context';
import { nulArgument } from '../nulArguments';
import { pageReadAlong, type DisclosureListArgs, type PageReadAlong, type PageRow } from '../disclosures/list';
import type { ServedDisclosure } from '../disclosures/served';
import { rowReadOf } from '../disclosures/rowRead';
import type { Connection } from '../shared/connection';
import { fieldsIn, selectedFieldsAt } from '../shared/selection';
import { involving, involvingArgs } from './involving';
import { creditSummaryOf, domainCountOf, NO_CREDIT_RECORD, type CreditSummaryView, type DomainCountView } from './profileLoaders';
import { storedEntity, type EntityView } from './served';

/**
 * An enterprise page in one statement: the entity and, when the query selects them, its counts by
 * domain and its credit summary (both kept at write time, src/summaries) and its page of
 * disclosures (a LATERAL join, one row per disclosure). What the statement finds fills the
 * request's loaders, and the page waits for its field's resolver, so every field resolves as it
 * would on its own, without a statement of its own. Without those fields it is the entity
 * loader's plain read.
 */
export async function entityWithProfile(ctx: HubContext, code: string, info: GraphQLResolveInfo): Promise<EntityView | null> {
  const selected = selectedFieldsAt(info, []);
  const counts = selected.has('disclosureCounts');
  const credit = selected.has('creditSummary');
  const page = disclosuresReadAlong(ctx, code, info);
  if (!counts && !credit && !page) return ctx.loaders.entities.byCode.load(code);
  const build = ([uscc]: readonly [string]) => profileStatement(ctx.knex, uscc, counts, credit, page?.pageFor(uscc));
  const key = templateKey(info, counts, credit, page);
  const rows: ProfileRow[] = await (key ? readForInputs(ctx.knex, key, [code] as const, build) : build([code]));
  if (rows.length === 0) return null;
  const row = page ? rows.find((r) => r.profile_row)! : rows[0];
  const entity = storedEntity({ uscc: row.profile_uscc, name: row.profile_name });
  const read: ProfileRead = {};
  const { entities } = ctx.loaders;
  entities.byCode.prime(code, entity);
  if (counts) {
    read.counts = (row.domain_counts as Array<{ domain: string; count: number }>).map(domainCountOf);
    entities.domainCounts.prime(code, read.counts);
  }
  if (credit) {
    const summary = row.credit_uscc ? creditSummaryOf(creditColumns(row)) : undefined;
    // No summary row: the entity has no credit disclosure, which is served as an empty record.
    read.credit = summary ?? NO_CREDIT_RECORD;
    entities.creditSummary.prime(code, summary);
  }
  // Without a disclosure, the LATERAL join leaves the entity's one row with a null page row.
  if (page) read.page = { field: page.field, connection: page.page.connect(rows[0].id == null ? [] : rows) };
  return Object.assign(entity, { [PROFILE_READ]: read });
}

/**
 * The profile statement's shape, for it to be built once and run with each enterprise's code
 * (inputTemplates.ts): the entity's field node (one parsed query, so one selection below it), the
 * parts it reads and the page's arguments. A page after a cursor is built each time: its cursor's
 * values are bound too, and a key per cursor would only fill the templates.
 */
function templateKey(info: GraphQLResolveInfo, counts: boolean, credit: boolean, page: DisclosuresAlong | null): TemplateKey | null {
  if (info.fieldNodes.length !== 1 || page?.args.after) return null;
  return { owner: info.fieldNodes[0], shape: `${counts}|${credit}|${page ? JSON.stringify(page.args) : ''}` };
}

/**
 * What a profile statement read for an entity, for its fields to serve as they are. The loaders
 * are primed too (another path to the same entity in the query reads them), but a field that
 * returns its value rather than a loader's promise lets graphql-js complete the entity without
 * waiting: an enterprise page then resolves in the tick its statement comes back.
 */
interface ProfileRead {
  counts?: DomainCountView[];
  credit?: CreditSummaryView;
  /** The page of disclosures, for the field (node of the query) it was read for. */
  page?: { field: FieldNode; connection: Connection<ServedDisclosure> };
}

/**
 * What the profile statement read, kept on the entity it was read for: it lives as long as the
 * request's entity and no longer. In a module-level WeakMap keyed by the entity, V8 kept every
 * request's read (its rows, page and connection) through the young generation's collections until
 * the next full collection: about 14 KB promoted to the old generation per enterprise page, and
 * young collections three times as long as PostGraphile's (sampling heap profile and
 * --trace-gc-nvp under load; the p99 of the enterprise page followed them).
 */
const PROFILE_READ = Symbol('profile read');
const profileReadOf = (entity: EntityView): ProfileRead | undefined => (entity as { [PROFILE_READ]?: ProfileRead })[PROFILE_READ];

/** Entity.disclosureCounts as the profile statement read it; undefined when it did not. */
export const countsReadWith = (entity: EntityView): DomainCountView[] | undefined => profileReadOf(entity)?.counts;

/** Entity.creditSummary as the profile statement read it; undefined when it did not. */
export const creditReadWith = (entity: EntityView): CreditSummaryView | undefined => profileReadOf(entity)?.credit;

/**
 * Entity.disclosures from the profile statement, when it read that very field (the same node of the
 * query, so the same arguments and selection) for this entity; undefined otherwise.
 */
export function pageReadWith(entity: EntityView, info: GraphQLResolveInfo): Connection<ServedDisclosure> | undefined {
  const read = profileReadOf(entity)?.page;
  return read && info.fieldNodes.length === 1 && info.fieldNodes[0] === read.field ? read.connection : undefined;
}

/** The entity's `disclosures` field read along: its node, its arguments as the list reads them, and its page. */
interface DisclosuresAlong {
  field: FieldNode;
  args: DisclosureListArgs;
  /** The page for the request's code. */
  page: PageReadAlong;
  /** The same page for any code: the request's, or the probe inputTemplates.ts builds with. */
  pageFor: (code: string) => PageReadAlong;
}

/**
 * The entity's `disclosures` page as a statement to read along, when the query selects the field
 * once (one node: several would each have their own arguments) and without a search.
 */
function disclosuresReadAlong(ctx: HubContext, code: string, info: GraphQLResolveInfo): DisclosuresAlong | null {
  const field = disclosuresFieldOf(info);
  if (!field) return null;
  try {
    const given = getArgumentValues(field.definition, field.node, info.variableValues) as DisclosureListArgs;
    if (nulArgument(given)) return null;
    const args = involvingArgs(given, ctx);
    const read = rowReadOf({ fieldNodes: [field.node], fragments: info.fragments, schema: info.schema }, ctx.loaders.entities.byCode);
    const pageFor = (uscc: string) => pageReadAlong(ctx.knex, args, involving(storedEntity({ uscc, name: '' }), ctx.knex), read);
    const page = pageFor(code);
    return page && { field: field.node, args, page, pageFor: (uscc) => pageFor(uscc)! };
  } catch {
    // Arguments the list refuses (a cursor it did not give out, a page too large; above, a NUL no
    // text can hold): the field's own resolver refuses them, so the error stands at the field and
    // the entity is still served.
    return null;
  }
}

/**
 * The `disclosures` field below the entity's, when selected once. A field's node belongs to one
 * parsed query, so it is looked for once per node, not on every request that runs the same document.
 */
function disclosuresFieldOf(info: GraphQLResolveInfo): { node: FieldNode; definition: GraphQLField<unknown, unknown> } | null {
  const owner = info.fieldNodes.length === 1 ? info.fieldNodes[0] : undefined;
  const known = owner && disclosuresFields.get(owner);
  if (known !== undefined) return known;
  const entityType = info.schema.getType('Entity');
  const fields = info.fieldNodes.flatMap((node) => (node.selectionSet ? fieldsIn(node.selectionSet, info) : [])).filter((f) => f.name.value === 'disclosures');
  const found = fields.length === 1 && isObjectType(entityType) ? { node: fields[0], definition: entityType.getFields().disclosures } : null;
  if (owner) disclosuresFields.set(owner, found);
  return found;
}

const disclosuresFields = new WeakMap<FieldNode, { node: FieldNode; definition: GraphQLField<unknown, unknown> } | null>();

type ProfileRow = PageRow & { profile_uscc: string; profile_name: string; profile_row?: boolean; domain_counts?: unknown; [credit: `credit_${string}`]: unknown };

/**
 * With a page read along, the statement has a row per disclosure: the entity's own columns (its
 * counts as JSON, its credit summary) are written on one of them only, the one `profile_row`
 * marks, so that PostgreSQL does not send them, nor pg parse them, once per disclosure. Its counts
 * are a LATERAL join too, run once for the entity rather than once per row as a sub-select in the
 * select list would be.
 */
const PROFILE_ROW = 'row_number() OVER () = 1';

function profileStatement(knex: Knex, code: string, counts: boolean, credit: boolean, page: PageReadAlong | undefined): Knex.QueryBuilder {
  const q = knex('entities as e').where('e.uscc', code).select('e.uscc as profile_uscc', 'e.name as profile_name');
  // Constant names only, written into the text: a bound identifier (`??`) would make the statement's
  // text depend on a value, and compiledOnce would then build it anew for every request.
  const once = (column: string, alias: string) => knex.raw(page ? `CASE WHEN ${PROFILE_ROW} THEN ${column} END AS ${alias}` : `${column} AS ${alias}`);
  if (counts) {
    const byDomain = knex(`${ENTITY_DOMAIN_COUNTS} as c`)
      .whereRaw('c.uscc = e.uscc')
      .select(knex.raw(`coalesce(json_agg(json_build_object('domain', c.domain, 'count', c.count) ORDER BY c.count DESC, c.domain), '[]'::json) AS domain_counts`));
    q.joinRaw('CROSS JOIN LATERAL (?) AS counts', [byDomain]).select(once('counts.domain_counts', 'domain_counts'));
  }
  if (credit) {
    q.leftJoin(`${ENTITY_CREDIT_SUMMARIES} as cs`, 'cs.uscc', 'e.uscc');
    q.select(CREDIT_SUMMARY_COLUMNS.map((column) => once(`cs.${column}`, `credit_${column}`)));
  }
  if (page) q.joinRaw('LEFT JOIN LATERAL (?) AS page ON true', [page.statement()]).select('page.*', knex.raw(`${PROFILE_ROW} AS profile_row`)).orderByRaw(page.orderBy('page'));
  return prepared(q);
}

/** The credit summary's columns, read back from their `credit_` names. */
function creditColumns(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(CREDIT_SUMMARY_COLUMNS.map((column) => [column, row[`credit_${column}`]]));
}
