import { TRADING } from '../domain/contract';
import type { TradingParty } from '../domain/trading';
import { compact } from './compact';
import type { OrganizationReference, Party, Release } from './types';

/**
 * One party per organisation across the releases of a project (one ocid).
 *
 * Notices name the same organisation in different ways: a candidate publicity without a code or
 * with a mistyped one (the connector then ids it `NAME-<name>`), the result notice with its valid
 * code (`CN-USCC-<code>`). OCDS merges parties by id, so the compiled release would list the firm
 * twice, and the pending and the active award of its lot would name different suppliers. The
 * directory reads the parties of every stored notice of the project and gives each organisation
 * one id: the code-based one wherever any notice of the project gave a valid code for its name.
 * Names are compared as written apart from width and blanks (（） and () are one name).
 *
 * It also gives each party every role the project's notices give it. A compiled release takes a
 * party's `roles` whole from the latest release that names the party, so a firm that won one lot
 * and lost another would otherwise be a supplier or a tenderer depending on which notice came last.
 *
 * A name given with two different valid codes (one of them a typo that happens to pass the check)
 * keeps both code-based parties: the hub cannot tell which is right. Its name-only mentions take the
 * code given most often.
 */
export interface PartyDirectory {
  /** The release with every organisation it names under its one id, each party once with all its roles. */
  resolve(release: Release): Release;
}

/** A directory of the organisations the given parties (those of every notice of one project) name. */
export function partyDirectory(partyLists: Iterable<readonly TradingParty[] | null | undefined>): PartyDirectory {
  const codes = new Map<string, Map<string, { count: number; legalName: string }>>();
  const known: TradingParty[] = [];
  for (const list of partyLists) {
    for (const party of list ?? []) {
      known.push(party);
      if (!party.identifier) continue;
      const byCode = codes.get(nameKey(party.name)) ?? new Map();
      const seen = byCode.get(party.identifier.id);
      byCode.set(party.identifier.id, { count: (seen?.count ?? 0) + 1, legalName: seen?.legalName ?? party.identifier.legalName });
      codes.set(nameKey(party.name), byCode);
    }
  }
  const codeOfName = new Map([...codes].map(([name, byCode]) => [name, mostGiven(byCode)]));
  const idOf = (id: string, name: string): string => {
    if (id.startsWith(CODE_PREFIX)) return id;
    const code = codeOfName.get(nameKey(name));
    return code ? `${CODE_PREFIX}${code.code}` : `NAME-${name.trim()}`;
  };
  const identifierOf = new Map<string, Party['identifier']>();
  for (const { code, legalName } of codeOfName.values()) identifierOf.set(`${CODE_PREFIX}${code}`, { scheme: 'CN-USCC', id: code, legalName });
  const rolesOf = new Map<string, Set<string>>();
  for (const party of known) {
    const id = idOf(party.id, party.name);
    rolesOf.set(id, new Set([...(rolesOf.get(id) ?? []), ...party.roles]));
  }
  return { resolve: (release) => resolveRelease(release, idOf, (id) => rolesOf.get(id) ?? new Set(), (id) => identifierOf.get(id)) };
}

/** The directory of one notice alone: its own mentions of one organisation become one party. */
export function noticePartyDirectory(notice: { attributes: { parties?: readonly TradingParty[] | null } }): PartyDirectory {
  return partyDirectory([notice.attributes.parties]);
}

const CODE_PREFIX = 'CN-USCC-';

/** Roles in the order of the codelist's use here: the initiator, the agency, the bidders, the winner. */
const ROLE_ORDER: readonly string[] = [
  TRADING.roles.buyer,
  TRADING.roles.transferor,
  TRADING.roles.agency,
  TRADING.roles.bidder,
  TRADING.roles.supplier,
  TRADING.roles.transferee,
];

function resolveRelease(
  release: Release,
  idOf: (id: string, name: string) => string,
  projectRoles: (id: string) => Set<string>,
  projectIdentifier: (id: string) => Party['identifier'],
): Release {
  const ref = (r: OrganizationReference | undefined) => (r ? { id: idOf(r.id, r.name), name: r.name } : undefined);
  const refs = (list: OrganizationReference[] | undefined) => (list ? uniqueById(list.map((r) => ref(r)!)) : undefined);
  const parties = new Map<string, Party>();
  for (const party of release.parties ?? []) {
    const id = idOf(party.id, party.name);
    const earlier = parties.get(id);
    const roles = new Set([...(earlier?.roles ?? []), ...party.roles, ...projectRoles(id)]);
    parties.set(id, compact<Party>({
      id,
      name: earlier?.name ?? party.name,
      identifier: earlier?.identifier ?? party.identifier ?? projectIdentifier(id),
      roles: ordered(roles),
    }));
  }
  const tender = release.tender && compact({ ...release.tender, procuringEntity: ref(release.tender.procuringEntity), tenderers: refs(release.tender.tenderers) });
  return compact<Release>({
    ...release,
    parties: release.parties ? [...parties.values()] : undefined,
    buyer: ref(release.buyer),
    tender,
    awards: release.awards?.map((award) => compact({ ...award, suppliers: refs(award.suppliers) })),
  });
}

/** Width and blanks aside, a name as written: full-width brackets and letters are the same name. */
function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

function mostGiven(byCode: Map<string, { count: number; legalName: string }>): { code: string; legalName: string } {
  const [code, { legalName }] = [...byCode].sort(([a, x], [b, y]) => y.count - x.count || a.localeCompare(b))[0];
  return { code, legalName };
}

function uniqueById(list: OrganizationReference[]): OrganizationReference[] {
  const seen = new Set<string>();
  return list.filter((r) => !seen.has(r.id) && seen.add(r.id));
}

function ordered(roles: Set<string>): string[] {
  const rank = (role: string) => (ROLE_ORDER.includes(role) ? ROLE_ORDER.indexOf(role) : ROLE_ORDER.length);
  return [...roles].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
