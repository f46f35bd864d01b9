import {
  canonicalDocumentNumber,
  CREDIT,
  creditDay,
  decodeLicenceCategory,
  formatChinaTime,
  httpPages,
  requireChinaTime,
  stream,
  type CodedValue,
  type LicenceAttributes,
  type ValidityEnd,
} from '../../../src/connectorKit';
import { bodyAttributes, mapAuthority } from '../mapping/authority';
import { optionalDay, recordStatus, validityEnd, type Warnings } from '../mapping/optionalFields';
import { mapParty } from '../mapping/party';
import { party2019 } from '../mapping/party2019';
import { present, publicText, required } from '../mapping/text';
import { licenceRecordSchema, type LicenceRecord } from './schema';

/**
 * Administrative licensing decisions (行政许可) from the credit platform's paged API, read
 * incrementally by SJC, the update time the platform stamps on every record.
 */
export const licences = stream<LicenceRecord>({
  name: 'licences',
  schema: licenceRecordSchema,
  // A decision number is unique within its authority, once canonicalised (〔2026〕 = [2026]).
  key: (r) => `${required(r.XK_XKJG, 'XK_XKJG')}|${canonicalDocumentNumber(required(r.XK_WSH, 'XK_WSH'))}`,
  cursor: (r) => formatChinaTime(requireChinaTime(r.SJC, 'SJC')),
  source: httpPages({ path: '/credit/licences', pageSize: 500, sinceParam: 'since' }),
  schedule: '10 2 * * *',
  lookBackMs: 24 * 3600 * 1000,
  // A correction restamps SJC, so incremental runs see it; the weekly whole read is the safety net
  // for records stored with an old stamp.
  reconcile: { schedule: '10 3 * * 0' },
  toDisclosure: (r, context) => {
    const party = mapParty(party2019(r, 'XK'));
    const authority = mapAuthority({ name: r.XK_XKJG.trim(), uscc: present(r.XK_XKJGDM) }, context.city);
    const warnings: Warnings = [];
    const attributes: LicenceAttributes = {
      party: party.attributes,
      decision: { documentName: publicText(r.XK_XKWS), documentNumber: canonicalDocumentNumber(r.XK_WSH), date: creditDay(r.XK_JDRQ)! },
      category: present(r.XK_XKLB) ? decodeLicenceCategory(r.XK_XKLB!) : null,
      licence: { name: publicText(r.XK_XKZS), number: publicText(r.XK_XKBH) },
      content: publicText(r.XK_NR),
      validFrom: optionalDay(present(r.XK_YXQZ), 'validFrom', warnings),
      validUntil: validityEnd(present(r.XK_YXQZI), 'validUntil', warnings),
      authority: authority.attributes,
      dataSource: bodyAttributes({ name: r.XK_LYDW.trim(), uscc: present(r.XK_LYDWDM) }),
      remarks: publicText(r.BZ),
      warnings,
    };
    return {
      kind: CREDIT.kinds.licence,
      title: title(authority.publisher, party.subject.name, attributes),
      publisher: authority.publisher,
      region: authority.region,
      publishedAt: requireChinaTime(r.XK_JDRQ, 'XK_JDRQ'),
      updatedAt: requireChinaTime(r.SJC, 'SJC'),
      status: recordStatus(present(r.XK_ZT), warnings),
      subject: party.subject,
      parties: [authority.party],
      attributes,
      personal: party.personal,
      searchText: [attributes.licence.name, attributes.decision.documentName, attributes.content, attributes.remarks],
    };
  },
});

/** 大庆市市场监督管理局向…核发食品经营许可证（…）; a decision without a certificate is named by its document. */
function title(authority: string, party: string, a: LicenceAttributes): string {
  const what = a.licence.name ? `向${party}核发${a.licence.name}` : `对${party}作出${a.decision.documentName ?? '行政许可决定'}`;
  return `${authority}${what}（${a.decision.documentNumber}）`;
}
