import { Type, type Static, type TObject } from '@sinclair/typebox';
import { atLeastOneGiven, nonBlank, optionalText, usccOrBlank } from './sourceFields';

/**
 * The fields both market-regulator lists (经营异常名录, 严重违法失信企业名单) share, named as the
 * enterprise credit publicity system's data exchange writes them. Each list puts its own reason
 * field between the enterprise and the listing, so the two halves are spread separately.
 */

/** ID (the listing's own id), UNISCID 统一社会信用代码, REGNO 注册号, ENTNAME 企业名称. */
export const listedEnterpriseProperties = {
  ID: nonBlank("The listing's own id, not blank"),
  UNISCID: Type.Optional(usccOrBlank),
  REGNO: Type.Optional(optionalText),
  ENTNAME: nonBlank("企业名称: the enterprise's name, not blank"),
};

/** ABNTIME 列入日期 and DECORG 作出决定机关, which each list labels its own way (`decidingBodyLabel`). */
export function listingProperties(decidingBodyLabel: string) {
  return {
    ABNTIME: Type.String({ format: 'date-cn', description: '列入日期: a date such as 2024-07-01' }),
    DECORG: nonBlank(`${decidingBodyLabel}: the body that listed it, not blank`),
  };
}

/** A listed enterprise is identified by its code or, before codes, its registration number. */
export const enterpriseIdentifiedRule = atLeastOneGiven("The enterprise's code or registration number: UNISCID or REGNO", ['UNISCID', 'REGNO']);

/** The shared fields of a listing, as the mapping reads them (mapping/listEntry.ts). */
export type ListEntryRecord = Static<TObject<typeof listedEnterpriseProperties & ReturnType<typeof listingProperties>>>;
