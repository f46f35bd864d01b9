import type { TSchema } from '@sinclair/typebox';
import type { StoredStatus } from './status';

/** The domains of the unified schema (GraphQL `Domain`, schema/core.graphql). */
export const DOMAINS = ['CREDIT', 'TRADING', 'PPP', 'ENVIRONMENT', 'POLICY', 'SUPERVISION', 'FISCAL', 'POWERS'] as const;
export type Domain = (typeof DOMAINS)[number];

/**
 * What one domain stores: the kinds of its disclosures (by a name the code uses → the stored
 * string), the statuses its sources may give them and the roles of their parties. The connector
 * that writes the domain, its GraphQL types and the OCDS export read these, so a kind or role is
 * spelled once.
 */
export interface DomainContract<K extends Record<string, string> = Record<string, string>, R extends Record<string, string> = Record<string, string>> {
  domain: Domain;
  kinds: K;
  statuses: readonly StoredStatus[];
  roles: R;
  /**
   * For kinds that connector manifests write (no TypeScript mapping whose types tsc checks): the
   * shape of their attributes, checked for every record as it is mapped, and the type the
   * domain's readers rely on (Static of the same schema). Extra attributes are allowed.
   */
  attributeShapes?: Readonly<Partial<Record<K[keyof K], TSchema>>>;
}

export function domainContract<const K extends Record<string, string>, const R extends Record<string, string>>(
  contract: DomainContract<K, R>,
): DomainContract<K, R> {
  return Object.freeze(contract);
}
