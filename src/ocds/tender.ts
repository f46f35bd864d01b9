import { TRADING } from '../domain/contract';
import type { TradingNoticeAttributes } from '../domain/trading';
import { compact, nonEmpty, orAbsent } from './compact';
import { lotOf } from './lots';
import { partyInRole, referenceOf } from './parties';
import type { Amendment, Document, Tender } from './types';
import { periodOf, valueOf } from './value';

/**
 * The tender block of a release. Every notice of a project restates the tender (its id is the
 * project code); the rest appears where the notice says it: the method, the bid deadline, the firms
 * it names as tenderers, an amendment. The status the notice leaves the tender in and the budget are
 * its lot's when it is about a lot (lots.ts), else the undivided project's tender's.
 */
export function tenderOf(attributes: TradingNoticeAttributes, releaseId: string, documents?: Document[]): Tender {
  const t = attributes.tender;
  const lot = lotOf(attributes);
  return compact<Tender>({
    id: t.id,
    title: t.title,
    status: lot ? undefined : t.status,
    value: lot ? undefined : valueOf(t.value),
    procurementMethod: orAbsent(t.procurementMethod),
    procurementMethodDetails: orAbsent(t.procurementMethodDetails),
    mainProcurementCategory: orAbsent(t.mainProcurementCategory),
    tenderPeriod: periodOf(t.tenderPeriod),
    procuringEntity: partyInRole(attributes, TRADING.roles.agency),
    tenderers: nonEmpty((attributes.tenderers ?? []).map(referenceOf)),
    amendments: nonEmpty(amendmentsOf(attributes, releaseId)),
    documents: nonEmpty(documents),
    lots: lot ? [lot] : undefined,
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
