import {
  maskIdNumber,
  type CodedValue,
  type DisclosureInput,
  type PartyAttributes,
  type PartyCategoryCode,
} from '../../../src/connectorKit';
import { publicText } from './text';

/** The other registration numbers a legal person may be identified by (before or besides a USCC). */
export interface RegistrationNumbers {
  /** 工商注册号 (XK_XDR_GSZC; CF_XDR_GSDJ in 2016 exports). */
  businessRegistration?: string;
  /** 组织机构代码 (XK_XDR_ZZJG; CF_XDR_ZDM). */
  organisationCode?: string;
  /** 税务登记号 (XK_XDR_SWDJ; CF_XDR_SWDJ). */
  taxRegistration?: string;
  /** 事业单位证书号 (XK_XDR_SYDW). */
  publicInstitution?: string;
  /** 社会组织登记证号 (XK_XDR_SHZZ). */
  socialOrganisation?: string;
}

const REGISTRATION_KEYS: ReadonlyArray<keyof RegistrationNumbers> = [
  'businessRegistration',
  'organisationCode',
  'taxRegistration',
  'publicInstitution',
  'socialOrganisation',
];

/** Someone's ID document: its type and (personal information) its number. */
export interface IdDocument {
  idType?: CodedValue;
  idNumber?: string;
}

/** The party (行政相对人) of a licence or penalty, read from either template generation. */
export interface PartyFields {
  name: string;
  category: CodedValue<PartyCategoryCode>;
  /** 统一社会信用代码 as written: the engine normalises and checks it. */
  uscc?: string;
  registrations: RegistrationNumbers;
  /** 法定代表人 (for a 个体工商户, its operator) and their ID. */
  legalRepresentative?: IdDocument & { name?: string };
  /** A natural person's own ID. */
  identity?: IdDocument;
}

export interface MappedParty {
  subject: NonNullable<DisclosureInput['subject']>;
  personal: DisclosureInput['personal'];
  attributes: PartyAttributes;
}

/**
 * Maps a party to the subject, the personal information and the served attributes. A natural
 * person has no code: the subject carries the name only, and the ID number goes to `personal` with
 * only its mask in the attributes. A legal representative's ID number is personal information too.
 */
export function mapParty(party: PartyFields): MappedParty {
  const name = publicText(party.name)!;
  if (party.category.code === 'NATURAL_PERSON') {
    return {
      subject: { name },
      personal: personalInformation({ idNumber: party.identity?.idNumber }),
      attributes: { ...common(party, name), legalRepresentative: null, ...document(party.identity) },
    };
  }
  return {
    subject: { uscc: party.uscc ?? null, name },
    personal: personalInformation({ legalRepresentativeIdNumber: party.legalRepresentative?.idNumber }),
    attributes: { ...common(party, name), legalRepresentative: legalRepresentative(party), idType: null, idNumberMasked: null },
  };
}

function common(party: PartyFields, name: string) {
  const isOrganisation = party.category.code !== 'NATURAL_PERSON';
  const registrationNumbers = Object.fromEntries(
    REGISTRATION_KEYS.map((key) => [key, isOrganisation ? (party.registrations[key] ?? null) : null]),
  ) as PartyAttributes['registrationNumbers'];
  return { name, category: party.category, registrationNumbers };
}

function legalRepresentative(party: PartyFields): PartyAttributes['legalRepresentative'] {
  const rep = party.legalRepresentative;
  if (!rep || (!rep.name && !rep.idNumber)) return null;
  return { name: rep.name ? publicText(rep.name) : null, ...document(rep) };
}

function document(id: IdDocument | undefined): { idType: CodedValue | null; idNumberMasked: string | null } {
  return { idType: id?.idType ?? null, idNumberMasked: id?.idNumber ? maskIdNumber(id.idNumber) : null };
}

function personalInformation(values: Record<string, string | undefined>): DisclosureInput['personal'] {
  const given = Object.entries(values).filter(([, value]) => value !== undefined);
  return given.length > 0 ? Object.fromEntries(given) : null;
}
