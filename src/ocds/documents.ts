import type { NoticeType } from '../domain/trading';
import { compact, orAbsent } from './compact';
import { relatedLotsOf } from './lots';
import type { StoredNotice } from './storedNotice';
import type { Document } from './types';

/** Where in a release a notice of each type is filed, and as which documentType (closed list in codelists/documentType.csv). */
export type DocumentSection = 'tender' | 'award' | 'contract' | 'implementation';

const NOTICE_DOCUMENTS: Readonly<Record<NoticeType, { section: DocumentSection; documentType: string }>> = {
  tender: { section: 'tender', documentType: 'tenderNotice' },
  // A correction republishes the tender notice's terms.
  amendment: { section: 'tender', documentType: 'tenderNotice' },
  // The result of a prequalification names the firms admitted to bid.
  qualification: { section: 'tender', documentType: 'shortlistedFirms' },
  cancellation: { section: 'tender', documentType: 'cancellationDetails' },
  // The candidate publicity publishes the evaluation's ranking.
  candidates: { section: 'award', documentType: 'evaluationReports' },
  award: { section: 'award', documentType: 'awardNotice' },
  contract: { section: 'contract', documentType: 'contractNotice' },
  // 履约验收: the buyer's acceptance of the delivered work.
  implementation: { section: 'implementation', documentType: 'completionCertificate' },
};

/**
 * The notice itself as an OCDS document, filed in the section of the release its type speaks
 * about, so a partner can open the platform's page, and naming the lot it is about. Its id is the
 * notice id: a corrected notice replaces its document in a compiled release instead of adding a
 * second one. Its url is the notice's stored link: the platform's own, or the one the hub built
 * from the platform's address pattern (city.sourceLinks.trading) when the feed gave none.
 */
export function noticeDocument(notice: StoredNotice): { section: DocumentSection; document: Document } {
  const a = notice.attributes;
  const { section, documentType } = NOTICE_DOCUMENTS[a.noticeType.type];
  const document = compact<Document>({
    id: a.noticeId,
    relatedLots: relatedLotsOf(a),
    documentType,
    title: notice.title,
    // Why the process ended is said only in the cancellation notice; OCDS 1.1 has no field for it.
    description: orAbsent(a.cancellation?.reason),
    url: absoluteUrl(notice.sourceUrl),
    datePublished: a.publishedAt,
    dateModified: orAbsent(a.updatedAt),
    language: 'zh',
  });
  return { section, document };
}

/** The schema wants an absolute URI; a relative or broken link is left out rather than published. */
function absoluteUrl(raw: string | null): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
