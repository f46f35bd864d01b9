import { TRADING } from '../domain/contract';
import type { TradingNoticeAttributes } from '../domain/trading';
import { compact, nonEmpty, orAbsent } from './compact';
import { partyInRole, referenceOf } from './parties';
import type { Amendment, Document, Tender } from './types';
import { periodOf, valueOf } from './value';

/**
 * The tender block of a release. Every notice of a process restates the tender (its id is the
 * project code) with the status the notice leaves it in; the rest appears where the notice says it:
 * the budget, the method, the bid deadline, the firms it names as tenderers, an amendment.
 */
export function tenderOf(attributes: TradingNoticeAttributes, releaseId: string, documents?: Document[]): Tender {
  const t = attributes.tender;
  return compact<Tender>({
    id: t.id,
    title: t.title,
    status: t.status,
    value: valueOf(t.value),
    procurementMethod: orAbsent(t.procurementMethod),
    procurementMethodDetails: orAbsent(t.procurementMethodDetails),
    mainProcurementCategory: orAbsent(t.mainProcurementCategory),
    tenderPeriod: periodOf(t.tenderPeriod),
    procuringEntity: partyInRole(attributes, TRADING.roles.agency),
    tenderers: nonEmpty((attributes.tenderers ?? []).map(referenceOf)),
    amendments: nonEmpty(amendmentsOf(attributes, releaseId)),
    documents: nonEmpty(documents),
  });
}

/**
 * A correction notice is an amendment of the tender. The amended notice's release has the notice's
 * id (identifiers.ts), so amendsReleaseID can name it.
 */
function amendmentsOf(attributes: TradingNoticeAttributes, releaseId: string): Amendment[] {
  const amendment = attributes.amendment;
  if (!amendment) return [];
  return [
    compact<Amendment>({
      id: amendment.id,
      date: amendment.date,
      rationale: orAbsent(amendment.rationale),
      amendsReleaseID: orAbsent(amendment.amendsNoticeId),
      releaseID: releaseId,
    }),
  ];
}
