import { TRADING } from '../domain/contract';
import { awardsOf } from './awards';
import { compact, nonEmpty } from './compact';
import { contractsOf } from './contracts';
import { noticeDocument } from './documents';
import { ocidOf, releaseIdOf } from './identifiers';
import { relatedLotsOf } from './lots';
import { noticePartyDirectory, type PartyDirectory } from './partyDirectory';
import { partiesOf, partyInRole } from './parties';
import { isProcurement, type StoredNotice } from './storedNotice';
import { tenderOf } from './tender';
import type { Release } from './types';

/**
 * One stored notice → one OCDS release. The connector already shaped the notice's attributes as
 * OCDS blocks (src/domain/tradingNotice.ts); this is the projection: amounts to 元, nulls left out,
 * the notice filed as a document, its lot in `tender.lots` (lots.ts), and the tag
 * docs/standards/trading-ocds.md maps its type to (tradingNoticeTypes.ts: tender → tender,
 * qualification → tenderUpdate, amendment → tenderAmendment, candidates and award → award,
 * contract → contract, performance → implementation, cancellation → tenderCancellation).
 *
 * Organisations are named as the project's directory knows them (partyDirectory.ts), so every
 * release of a project refers to an organisation by one id; without a directory, as this notice
 * alone knows them.
 *
 * The release date is when the notice as it now reads was published: the platform's correction
 * time when it corrected it, else the publication time.
 */
export function buildRelease(notice: StoredNotice, ocidPrefix: string, directory: PartyDirectory = noticePartyDirectory(notice)): Release {
  const a = notice.attributes;
  if (!isProcurement(a)) {
    throw new Error(`notice ${a.noticeId} is a ${a.tradeType?.name ?? 'non-procurement'} trade, which the OCDS export leaves out`);
  }
  const id = releaseIdOf(a.noticeId, notice.version);
  const { section, document } = noticeDocument(notice);
  const filed = (s: typeof section) => (s === section ? [document] : undefined);
  const release = compact<Release>({
    ocid: ocidOf(ocidPrefix, a.projectCode),
    id,
    date: a.updatedAt ?? a.publishedAt,
    tag: [a.ocdsTag],
    initiationType: 'tender',
    language: 'zh',
    parties: nonEmpty(partiesOf(a)),
    buyer: partyInRole(a, TRADING.roles.buyer),
    tender: tenderOf(a, id, filed('tender')),
    awards: nonEmpty(awardsOf(a.awards ?? [], relatedLotsOf(a), filed('award'))),
    contracts: nonEmpty(contractsOf(a.contracts ?? [], { contract: filed('contract'), implementation: filed('implementation') })),
  });
  return directory.resolve(release);
}
