import { servedCreditKinds } from './credit/served';
import type { DisclosureRow } from './disclosures/columns';
import { servedGeneric, type ServedDisclosure, type ServedKinds } from './disclosures/served';
import { servedEnvironmentKinds } from './environment/served';
import { servedPppKinds } from './ppp/served';
import { servedTradingKinds } from './trading/served';

/**
 * Every stored kind a domain serves with a type of its own. Like schema.ts this module knows every
 * domain; the disclosure lists and loaders read it, so any list may hold any kind.
 */
const MAPPER_BY_KIND: ServedKinds = { ...servedCreditKinds, ...servedTradingKinds, ...servedPppKinds, ...servedEnvironmentKinds };

/** A row of `disclosures` as the API serves it; a kind no domain claims is a GenericDisclosure. */
export function serveDisclosure(row: DisclosureRow): ServedDisclosure {
  return (MAPPER_BY_KIND[row.kind] ?? servedGeneric)(row);
}
