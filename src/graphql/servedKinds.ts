import { servedCreditKinds } from './credit/served';
import { disclosureFields, type DisclosureRow } from './disclosures/columns';
import { servedGeneric, type ServedDisclosure, type ServedKinds } from './disclosures/served';
import { servedEnvironmentKinds } from './environment/served';
import { servedPppKinds } from './ppp/served';
import { servedTradingKinds } from './trading/served';

/**
 * Every stored kind a domain serves with a type of its own. Like schema.ts this module knows every
 * domain; the disclosure lists and loaders read it, so any list may hold any kind.
 */
const MAPPER_BY_KIND: ServedKinds = { ...servedCreditKinds, ...servedTradingKinds, ...servedPppKinds, ...servedEnvironmentKinds };

/**
 * A row of `disclosures` as the API serves it; a kind no domain claims is a GenericDisclosure. A
 * row read without its own fields (rowRead.ts: the query asked for none) is served with the
 * interface's fields and its type's name only.
 */
export function serveDisclosure(row: DisclosureRow, withOwnFields = true): ServedDisclosure {
  const mapper = MAPPER_BY_KIND[row.kind] ?? servedGeneric;
  return withOwnFields ? mapper(row) : (Object.assign(disclosureFields(row), { __typename: mapper.typename }) as ServedDisclosure);
}
