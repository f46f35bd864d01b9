import type { TradingNoticeAttributes } from '../domain/trading';
import { compact, orAbsent } from './compact';
import type { Lot } from './types';
import { valueOf } from './value';

/**
 * Lots (标段/包) in OCDS. Core OCDS 1.1 has no lots; the lots extension adds `tender.lots` and the
 * `relatedLots` of awards and documents. It is one of the standard's community extensions, declared
 * in every package's `extensions` by the URL of its extension.json (v1.1.5, the release for OCDS
 * 1.1.5). The core schema leaves objects open, so releases that use it still validate against it.
 *
 * A project is one contracting process (one ocid) and each of its lots one of `tender.lots`: the
 * platform tenders the lots together, under one project code, and awards them separately. A
 * notice about a lot states what it knows of that lot — its name, its status after the notice and
 * its budget — in the lot, not at the top of the tender: the notice does not know the other lots,
 * and a value it set on the tender would overwrite theirs in the compiled release. As the extension
 * advises, lot-level facts go in the lot.
 */
export const LOTS_EXTENSION = 'https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json';

/** The lot a notice speaks about, as an OCDS Lot; none for a notice about an undivided project. */
export function lotOf(attributes: TradingNoticeAttributes): Lot | undefined {
  if (!attributes.lot) return undefined;
  return compact<Lot>({
    id: attributes.lot.code,
    title: orAbsent(attributes.lot.name),
    status: attributes.tender.status,
    value: valueOf(attributes.tender.value),
  });
}

/** `relatedLots` for an award or a document of the notice; absent when the notice names no lot. */
export function relatedLotsOf(attributes: TradingNoticeAttributes): string[] | undefined {
  return attributes.lot ? [attributes.lot.code] : undefined;
}
