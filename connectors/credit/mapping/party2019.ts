import { decodeIdType, decodePartyCategory } from '../../../src/connectorKit';
import type { PartyFieldName2019, PartyRecord2019, TemplatePrefix } from '../schemaFragments/party2019';
import type { PartyFields } from './party';
import { present, required } from './text';

/** Reads the party of a 2019 licensing or penalty record. */
export function party2019<P extends TemplatePrefix>(record: PartyRecord2019<P>, prefix: P): PartyFields {
  const field = (name: PartyFieldName2019) => present((record as Record<string, unknown>)[`${prefix}_${name}`]);
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
