import { inferPartyCategory, RESIDENT_ID } from '../../../src/connectorKit';
import type { Penalty2016Row } from '../penalties-2016/schema';
import type { PartyFields } from './party';
import { present, required } from './text';

/**
 * Reads the party of a 2016 row into the same fields as the 2019 template's. The export has no
 * category column, so the category is inferred from the numbers given (inferPartyCategory), and
 * its ID columns are resident ID cards by name (SFZ = 身份证).
 */
export function party2016(row: Penalty2016Row): PartyFields {
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
