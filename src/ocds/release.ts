import { TRADING } from '../domain/contract';
import { awardsOf } from './awards';
import { compact, nonEmpty } from './compact';
import { contractsOf } from './contracts';
import { noticeDocument } from './documents';
import { ocidOf, releaseIdOf } from './identifiers';
import { partiesOf, partyInRole } from './parties';
import { isProcurement, type StoredNotice } from './storedNotice';
import { tenderOf } from './tender';
import type { Release } from './types';

/**
 * One stored notice → one OCDS release. The connector already shaped the notice's attributes as
 * OCDS blocks (src/domain/tradingNotice.ts); this is the projection: amounts to 元, nulls left out,
 * the notice filed as a document, and the tag docs/standards/trading-ocds.md maps its type to
 * (tradingNoticeTypes.ts: tender → tender, qualification → tenderUpdate, amendment →
 * tenderAmendment, candidates and award → award, contract → contract, performance →
 * implementation, cancellation → tenderCancellation).
 *
 * The release date is when the notice as it now reads was published: the platform's correction
 * time when it corrected it, else the publication time.
 */
export function buildRelease(notice: StoredNotice, ocidPrefix: string): Release {
  const a = notice.attributes;
  if (!isProcurement(a)) {
    throw new Error(`notice ${a.noticeId} is a ${a.tradeType?.name ?? 'non-procurement'} trade, which the OCDS export leaves out`);
  }
  const id = releaseIdOf(a.noticeId, notice.version);
  const { section, document } = noticeDocument(notice);
  const filed = (s: typeof section) => (s === section ? [document] : undefined);
  return compact<Release>({
    ocid: ocidOf(ocidPrefix, a.projectCode),
    id,
    date: a.updatedAt ?? a.publishedAt,
    tag: [a.ocdsTag],
    initiationType: 'tender',
    language: 'zh',
    parties: nonEmpty(partiesOf(a)),
    buyer: partyInRole(a, TRADING.roles.buyer),
    tender: tenderOf(a, id, filed('tender')),
    awards: nonEmpty(awardsOf(a.awards ?? [], filed('award'))),
    contracts: nonEmpty(contractsOf(a.contracts ?? [], { contract: filed('contract'), implementation: filed('implementation') })),
  });
}
