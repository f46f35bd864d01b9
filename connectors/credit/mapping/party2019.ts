import { decodeIdType, decodePartyCategory } from '../../../src/connectorKit';
import type { PartyFields } from './party';
import { present, required } from './text';

/** The party fields of the 2019 template, the same for licensing (XK_) and penalties (CF_). */
type PartyFieldName =
  | 'XDR_MC'
  | 'XDR_LB'
  | 'XDR_SHXYM'
  | 'XDR_GSZC'
  | 'XDR_ZZJG'
  | 'XDR_SWDJ'
  | 'XDR_SYDW'
  | 'XDR_SHZZ'
  | 'FRDB'
  | 'FR_ZJLX'
  | 'FR_ZJHM'
  | 'XDR_ZJLX'
  | 'XDR_ZJHM';

export type TemplatePrefix = 'XK' | 'CF';

/** A 2019 record's party fields under its prefix, e.g. XK_XDR_MC or CF_XDR_MC. */
export type PartyRecord2019<P extends TemplatePrefix> = { [K in PartyFieldName as `${P}_${K}`]?: string | null };

/** Reads the party of a 2019 licensing or penalty record. */
export function party2019<P extends TemplatePrefix>(record: PartyRecord2019<P>, prefix: P): PartyFields {
  const field = (name: PartyFieldName) => present((record as Record<string, unknown>)[`${prefix}_${name}`]);
  const categoryText = required(field('XDR_LB'), `${prefix}_XDR_LB`);
  const category = decodePartyCategory(categoryText);
  if (!category) throw new Error(`${prefix}_XDR_LB "${categoryText}" is not a party category`);
  return {
    name: required(field('XDR_MC'), `${prefix}_XDR_MC`),
    category,
    uscc: field('XDR_SHXYM'),
    registrations: {
      businessRegistration: field('XDR_GSZC'),
      organisationCode: field('XDR_ZZJG'),
      taxRegistration: field('XDR_SWDJ'),
      publicInstitution: field('XDR_SYDW'),
      socialOrganisation: field('XDR_SHZZ'),
    },
    legalRepresentative: { name: field('FRDB'), ...idDocument(field('FR_ZJLX'), field('FR_ZJHM')) },
    identity: idDocument(field('XDR_ZJLX'), field('XDR_ZJHM')),
  };
}

function idDocument(type: string | undefined, number: string | undefined) {
  return { idType: type ? decodeIdType(type) : undefined, idNumber: number };
}
