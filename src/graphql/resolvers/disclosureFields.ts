import type { IResolvers } from '@graphql-tools/utils';
import type { HubContext } from '../context';
import { apiStatus } from '../status';
import type { EntityView } from './entity';

/** The Disclosure interface's fields, the same for every concrete type: spread into each. */
export const disclosureFields = {
  id: (row: any) => String(row.id),
  publishedAt: (row: any) => row.published_at,
  updatedAt: (row: any) => row.source_updated_at,
  status: (row: any) => apiStatus(row.status),
  sourceUrl: (row: any) => row.source_url,
  subject: (row: any, _: unknown, ctx: HubContext) => subjectOf(row, ctx),
  revisions: (row: any, _: unknown, ctx: HubContext) => ctx.loaders.revisions.load(Number(row.id)),
};

async function subjectOf(row: any, ctx: HubContext): Promise<EntityView | null> {
  if (row.entity_uscc) {
    const entity = await ctx.loaders.entity.load(row.entity_uscc);
    if (entity) return { uscc: entity.uscc, name: entity.name, usccValid: true };
  }
  // A subject whose code fails its check is shown as the source named it, flagged, and not linked.
  // A subject with no code at all (a natural person) is no entity: its name is on the record's own
  // party fields.
  if (row.subject_uscc) {
    return { uscc: row.subject_uscc, name: row.subject_name ?? '', usccValid: false, usccReason: row.subject_uscc_reason ?? 'invalid' };
  }
  return null;
}

/**
 * What each domain's resolver module gives the schema: its resolvers, and the concrete GraphQL type
 * of each stored kind it serves (kinds nobody claims are GenericDisclosure).
 */
export interface DomainResolvers {
  typesByKind: Record<string, string>;
  resolvers: IResolvers;
}

export function disclosureTypeResolver(domains: DomainResolvers[]): (row: { kind: string }) => string {
  const byKind = Object.assign({}, ...domains.map((d) => d.typesByKind)) as Record<string, string>;
  return (row) => byKind[row.kind] ?? 'GenericDisclosure';
}

/** Reads attributes.<name> for each listed field: most domain fields are stored exactly as served. */
export function attributeFields(...names: string[]): Record<string, (row: any) => unknown> {
  return Object.fromEntries(names.map((name) => [name, (row: any) => row.attributes?.[name] ?? null]));
}
