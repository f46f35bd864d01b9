import { hash32, type Random } from '../kit/random';
import { pickHolder } from './holders';
import { DISTRICTS, person, pickEnterprise, variantOfCode, type District, type Enterprise, type Person } from '../kit/population';

/** Share of records whose code is written oddly or wrongly (variantOfCode): stored and flagged. */
export const ODD_CODE_SHARE = 0.08;

/** The party of a sample record: an enterprise of the shared population, or a natural person. */
export type SampleParty =
  | { kind: 'organisation'; enterprise: Enterprise; district: District; code: string }
  | { kind: 'person'; person: Person; district: District };

export function sampleOrganisation(
  r: Random,
  seed: number,
  accept: (e: Enterprise) => boolean = () => true,
): SampleParty & { kind: 'organisation' } {
  let enterprise = pickEnterprise(r, seed);
  // A few draws find one the record suits (e.g. no 个体工商户 on a list they are not put on).
  for (let tries = 0; !accept(enterprise) && tries < 20; tries++) enterprise = pickEnterprise(r, seed);
  return asParty(enterprise, r);
}

/**
 * An enterprise of the given industries as a record's party: the holder a licence kind or a
 * violation fits (holders.ts). Undefined when the population has none of them.
 */
export function sampleHolder(r: Random, seed: number, industries: readonly string[]): (SampleParty & { kind: 'organisation' }) | undefined {
  const enterprise = pickHolder(r, seed, industries);
  return enterprise && asParty(enterprise, r);
}

function asParty(enterprise: Enterprise, r: Random): SampleParty & { kind: 'organisation' } {
  const code = r.chance(ODD_CODE_SHARE) ? variantOfCode(enterprise.uscc, r).code : enterprise.uscc;
  return { kind: 'organisation', enterprise, district: enterprise.district, code };
}

export function samplePerson(r: Random, seed: number): SampleParty & { kind: 'person' } {
  const district = r.pick(DISTRICTS);
  return { kind: 'person', person: person(r, seed, district), district };
}

/**
 * The registration numbers enterprises had before the unified code (2015–2017 exports often carry
 * only these): the 15-digit 工商注册号, the organisation code (positions 9–17 of the USCC, written
 * XXXXXXXX-X) and the tax registration number (division + organisation code). Only enterprises
 * registered before the unified code have them; their organisation codes were numeric, while the
 * lettered codes (MA…) came with the unified code. Undefined for those.
 */
export function oldRegistrationNumbers(enterprise: Enterprise, seed: number) {
  const org = enterprise.uscc.slice(8, 17);
  if (!/^\d{8}/.test(org)) return undefined;
  return {
    businessRegistration: `${enterprise.district.code}${String(hash32('regno', seed, enterprise.index) % 1e9).padStart(9, '0')}`,
    organisationCode: `${org.slice(0, 8)}-${org[8]}`,
    taxRegistration: `${enterprise.district.code}${org}`,
  };
}

/** The 2019 template's party fields under a prefix (XK_ or CF_), written as local systems do. */
export function partyFields2019(prefix: 'XK' | 'CF', party: SampleParty, r: Random, seed: number): Record<string, string> {
  const f = (name: string) => `${prefix}_${name}`;
  if (party.kind === 'person') {
    return {
      [f('XDR_MC')]: party.person.name,
      [f('XDR_LB')]: r.chance(0.1) ? '2' : '自然人',
      [f('XDR_ZJLX')]: r.chance(0.1) ? '001' : '身份证',
      [f('XDR_ZJHM')]: party.person.idNumber,
    };
  }
  const { enterprise } = party;
  const individual = enterprise.category === '个体工商户';
  const fields: Record<string, string> = {
    [f('XDR_MC')]: enterprise.name,
    [f('XDR_LB')]: r.chance(0.1) ? (individual ? '3' : '1') : individual ? '个体工商户' : '法人及非法人组织',
    [f('XDR_SHXYM')]: party.code,
    [f('FRDB')]: enterprise.legalRep.name,
  };
  const old = oldRegistrationNumbers(enterprise, seed);
  if (old && r.chance(0.15)) fields[f('XDR_GSZC')] = old.businessRegistration;
  if (r.chance(0.7)) {
    fields[f('FR_ZJLX')] = r.chance(0.1) ? '001' : '身份证';
    fields[f('FR_ZJHM')] = enterprise.legalRep.idNumber;
  }
  return fields;
}

/**
 * The 2016 export's party columns. Many firms had no unified code yet in 2016, so four in ten rows
 * of firms that had old numbers carry only those. CF_SFZ is the legal representative's ID number,
 * CF_XDR_SFZ a natural person's.
 */
export function partyFields2016(party: SampleParty, r: Random, seed: number): Record<string, string> {
  if (party.kind === 'person') return { CF_XDR_MC: party.person.name, CF_XDR_SFZ: party.person.idNumber };
  const { enterprise } = party;
  const old = oldRegistrationNumbers(enterprise, seed);
  const onlyOld = old && r.chance(0.4) ? old : undefined;
  return {
    CF_XDR_MC: enterprise.name,
    CF_XDR_SHXYM: onlyOld ? '' : party.code,
    CF_XDR_GSDJ: onlyOld?.businessRegistration ?? '',
    CF_XDR_ZDM: onlyOld?.organisationCode ?? '',
    CF_XDR_SWDJ: onlyOld && r.chance(0.5) ? onlyOld.taxRegistration : '',
    CF_FR: enterprise.legalRep.name,
    CF_SFZ: r.chance(0.6) ? enterprise.legalRep.idNumber : '',
  };
}
