import { inferPartyCategory, RESIDENT_ID } from '../../../src/connectorKit';
import type { PartyFields } from './party';
import { present, required } from './text';

/** The party columns of a 2016-era penalty export. */
export interface PartyRow2016 {
  CF_XDR_MC: string;
  CF_XDR_SHXYM?: string | null;
  /** 组织机构代码. */
  CF_XDR_ZDM?: string | null;
  /** 工商登记码. */
  CF_XDR_GSDJ?: string | null;
  /** 税务登记号. */
  CF_XDR_SWDJ?: string | null;
  /** A natural person's resident ID number. */
  CF_XDR_SFZ?: string | null;
  /** 法定代表人 and their resident ID number. */
  CF_FR?: string | null;
  CF_SFZ?: string | null;
}

/**
 * Reads the party of a 2016 row into the same fields as the 2019 template's. The export has no
 * category column, so the category is inferred from the numbers given (inferPartyCategory), and
 * its ID columns are resident ID cards by name (SFZ = 身份证).
 */
export function party2016(row: PartyRow2016): PartyFields {
  const uscc = present(row.CF_XDR_SHXYM);
  const registrations = {
    businessRegistration: present(row.CF_XDR_GSDJ),
    organisationCode: present(row.CF_XDR_ZDM),
    taxRegistration: present(row.CF_XDR_SWDJ),
  };
  const personalId = present(row.CF_XDR_SFZ);
  const category = inferPartyCategory({
    uscc,
    hasOtherRegistration: Object.values(registrations).some((n) => n !== undefined),
    hasPersonalId: personalId !== undefined,
  });
  if (!category) throw new Error('the row gives no registration number and no ID number: its party cannot be told');
  const legalRepId = present(row.CF_SFZ);
  return {
    name: required(row.CF_XDR_MC, 'CF_XDR_MC'),
    category,
    uscc,
    registrations,
    legalRepresentative: { name: present(row.CF_FR), idType: legalRepId ? RESIDENT_ID : undefined, idNumber: legalRepId },
    identity: { idType: personalId ? RESIDENT_ID : undefined, idNumber: personalId },
  };
}
