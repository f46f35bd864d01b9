import { CREDIT } from './credit';
import { type Domain, type DomainContract } from './domainContract';
import type { DisclosureInput } from './disclosure';
import { ENVIRONMENT } from './environment';
import { PPP } from './ppp';
import { TRADING } from './trading';

/**
 * The stored contract of each domain: what its connector may write and what its readers (GraphQL,
 * the OCDS export, entity profiles) may expect. Each kind, status and role is spelled once, in the
 * domain's own file beside this one.
 */
export const DOMAIN_CONTRACTS: Readonly<Record<Domain, DomainContract>> = Object.freeze({ CREDIT, TRADING, PPP, ENVIRONMENT });

export class ContractViolationError extends Error {
  override name = 'ContractViolationError';
}

/**
 * Why a mapped disclosure breaks its domain's contract, or null. Types catch this in TypeScript
 * connectors; this catches what types cannot (a value computed at run time, a JavaScript caller).
 */
export function contractViolation(domain: Domain, input: Pick<DisclosureInput, 'kind' | 'status' | 'parties'>): string | null {
  const contract = DOMAIN_CONTRACTS[domain];
  const kinds = Object.values(contract.kinds);
  if (!kinds.includes(input.kind)) return `kind "${input.kind}" is not one of the ${domain} domain's kinds (${kinds.join(', ')})`;
  if (!contract.statuses.includes(input.status)) {
    return `status "${input.status}" is not one of the ${domain} domain's statuses (${contract.statuses.join(', ')})`;
  }
  const roles = Object.values(contract.roles);
  const stray = input.parties?.find((party) => !roles.includes(party.role));
  if (stray) return `party role "${stray.role}" is not one of the ${domain} domain's roles (${roles.join(', ') || 'none'})`;
  return null;
}

/** Why a status a snapshot stream gives records that leave its list breaks the contract, or null. */
export function removedStatusViolation(domain: Domain, status: string): string | null {
  const statuses = DOMAIN_CONTRACTS[domain].statuses as readonly string[];
  return statuses.includes(status) ? null : `removedStatus "${status}" is not one of the ${domain} domain's statuses (${statuses.join(', ')})`;
}

export { CREDIT, ENVIRONMENT, PPP, TRADING };
export * from './credit';
export * from './domainContract';
export * from './disclosure';
export * from './environment';
export * from './ppp';
export * from './status';
export * from './trading';
