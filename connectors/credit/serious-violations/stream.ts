import { CREDIT, httpPages, STATUS, stream } from '../../../src/connectorKit';
import { listEntry } from '../mapping/listEntry';
import { publicText, required } from '../mapping/text';
import { seriousViolationRecordSchema, type SeriousViolationRecord } from './schema';

/**
 * The serious violations list serves only the enterprises on it now. It is a snapshot source: an
 * entry missing from a complete read has left the list and becomes `removed` (the engine records
 * the status change as a revision; nothing is deleted).
 */
export const seriousViolations = stream<SeriousViolationRecord>({
  name: 'serious-violations',
  schema: seriousViolationRecordSchema,
  key: (r) => required(r.ID, 'ID'),
  source: httpPages({ path: '/credit/serious-violations', pageSize: 500 }),
  mode: 'snapshot',
  removedStatus: STATUS.removed,
  schedule: '40 2 * * *',
  toDisclosure: (r, context) => {
    const entry = listEntry(r, context);
    const reason = publicText(r.SERILLREA);
    return {
      kind: CREDIT.kinds.seriousViolation,
      title: `${entry.authority.publisher}将${entry.subject.name}列入严重违法失信企业名单`,
      publisher: entry.authority.publisher,
      region: entry.authority.region,
      publishedAt: entry.publishedAt,
      status: STATUS.listed,
      subject: entry.subject,
      parties: [entry.authority.party],
      attributes: { ...entry.attributes, listing: { ...entry.attributes.listing, reason } },
      searchText: [reason],
    };
  },
});
