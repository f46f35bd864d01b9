import { TRADING } from '../domain/contract';
import type { PartyRef, TradingNoticeAttributes, TradingParty, TradingRole } from '../domain/trading';
import { compact } from './compact';
import type { OrganizationReference, Party } from './types';

/**
 * The organisations a notice names, with their OCDS roles (buyer, procuringEntity, tenderer,
 * supplier) and, when the notice gave a valid unified social credit code, the CN-USCC identifier.
 * A party without a valid code keeps the name-based id the connector gave it (tradingIdentity.ts)
 * and no identifier: a wrong code must not claim an organisation.
 */
export function partiesOf(attributes: TradingNoticeAttributes): Party[] {
  return (attributes.parties ?? []).map(partyOf);
}

function partyOf(party: TradingParty): Party {
  return compact<Party>({
    id: party.id,
    name: party.name,
    identifier: party.identifier ? { scheme: 'CN-USCC', id: party.identifier.id, legalName: party.identifier.legalName } : undefined,
    roles: rolesOf(party.roles),
  });
}

/**
 * A supplier tendered: the award went to its bid. The result notice names only the winners, and a
 * compiled release takes `roles` (a list of strings) whole from the latest release, so without
 * this the winner would lose the tenderer role the candidate publicity gave it.
 */
function rolesOf(roles: readonly TradingRole[]): TradingRole[] {
  const { supplier, bidder } = TRADING.roles;
  return roles.includes(supplier) && !roles.includes(bidder) ? [...roles, bidder] : [...roles];
}

export function referenceOf(party: PartyRef): OrganizationReference {
  return { id: party.id, name: party.name };
}

/** The party in a role, as OCDS refers to it elsewhere in the release (buyer, tender.procuringEntity). */
export function partyInRole(attributes: TradingNoticeAttributes, role: TradingRole): OrganizationReference | undefined {
  const party = (attributes.parties ?? []).find((p) => p.roles.includes(role));
  return party ? referenceOf(party) : undefined;
}
