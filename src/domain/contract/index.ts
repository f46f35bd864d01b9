import { CREDIT } from './credit';
import { type Domain, type DomainContract } from './domainContract';
import type { AnyDisclosureInput } from './disclosure';
import { ENVIRONMENT } from './environment';
import { FISCAL } from './fiscal';
import { POLICY } from './policy';
import { POWERS } from './powers';
import { PPP } from './ppp';
import { SUPERVISION } from './supervision';
import { TRADING } from './trading';

/**
 * The stored contract of each domain: what its connector may write and what its readers (GraphQL,
 * the OCDS export, entity profiles) may expect. Each kind, status and role is spelled once, in the
 * domain's own file beside this one.
 */
export const DOMAIN_CONTRACTS: Readonly<Record<Domain, DomainContract>> = Object.freeze({
  CREDIT,
  TRADING,
  PPP,
  ENVIRONMENT,
  POLICY,
  SUPERVISION,
  FISCAL,
  POWERS,
});

export class ContractViolationError extends Error {
  override name = 'ContractViolationError';
}

/** Each domain's allowed values as sets, built once: the check runs for every record synced. */
const ALLOWED = Object.fromEntries(
  Object.entries(DOMAIN_CONTRACTS).map(([domain, c]) => [
    domain,
    { kinds: new Set<string>(Object.values(c.kinds)), statuses: new Set<string>(c.statuses), roles: new Set<string>(Object.values(c.roles)) },
  ]),
) as Record<Domain, { kinds: Set<string>; statuses: Set<string>; roles: Set<string> }>;

const listed = (values: Set<string>) => [...values].join(', ') || 'none';

/**
 * Why a mapped disclosure breaks its domain's contract, or null. Types catch this in TypeScript
 * connectors; this catches what types cannot (a value computed at run time, a JavaScript caller, a
 * manifest). `ownKinds` are the kinds a manifest connector declares beyond its domain's.
 */
export function contractViolation(domain: Domain, input: Pick<AnyDisclosureInput, 'kind' | 'status' | 'parties'>, ownKinds?: ReadonlySet<string>): string | null {
  const allowed = ALLOWED[domain];
  if (!allowed.kinds.has(input.kind) && !ownKinds?.has(input.kind)) return `kind "${input.kind}" is not one of the ${domain} domain's kinds (${listed(allowed.kinds)})`;
  if (!allowed.statuses.has(input.status)) return `status "${input.status}" is not one of the ${domain} domain's statuses (${listed(allowed.statuses)})`;
  const stray = input.parties?.find((party) => !allowed.roles.has(party.role));
  if (stray) return `party role "${stray.role}" is not one of the ${domain} domain's roles (${listed(allowed.roles)})`;
  return null;
}

/** The domain whose contract declares a kind, if one does: a kind is one domain's, never two. */
export function domainOfKind(kind: string): Domain | undefined {
  return (Object.keys(ALLOWED) as Domain[]).find((domain) => ALLOWED[domain].kinds.has(kind));
}

/** Why a status a snapshot stream gives records that leave its list breaks the contract, or null. */
export function removedStatusViolation(domain: Domain, status: string): string | null {
  const statuses = DOMAIN_CONTRACTS[domain].statuses as readonly string[];
  return statuses.includes(status) ? null : `removedStatus "${status}" is not one of the ${domain} domain's statuses (${statuses.join(', ')})`;
}

export { CREDIT, ENVIRONMENT, FISCAL, POLICY, POWERS, PPP, SUPERVISION, TRADING };
export * from './credit';
export * from './domainContract';
export * from './disclosure';
export * from './environment';
export * from './fiscal';
export * from './policy';
export * from './powers';
export * from './ppp';
export * from './supervision';
export * from './status';
export * from './trading';
