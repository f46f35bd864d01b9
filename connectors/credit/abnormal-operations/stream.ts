import { CREDIT, creditDay, httpPages, requireChinaTime, STATUS, stream } from '../../../src/connectorKit';
import { listEntry } from '../mapping/listEntry';
import { present, publicText, required } from '../mapping/text';
import { abnormalOperationRecordSchema, type AbnormalOperationRecord } from './schema';

/**
 * The abnormal operations list. A removal changes the listing in place (same id, so the same
 * record: listed → removed, kept as a revision). Because a change can touch any old listing and
 * the list carries no update time, there is no cursor: every run reads the whole list, and change
 * detection writes only the listings that changed.
 */
export const abnormalOperations = stream<AbnormalOperationRecord>({
  name: 'abnormal-operations',
  schema: abnormalOperationRecordSchema,
  key: (r) => required(r.ID, 'ID'),
  source: httpPages({ path: '/credit/abnormal-operations', pageSize: 500 }),
  schedule: '30 2 * * *',
  toDisclosure: (r, context) => {
    const entry = listEntry(r, context);
    const removal = removalOf(r);
    const name = entry.subject.name;
    return {
      kind: CREDIT.kinds.abnormalOperation,
      title: removal ? `${removal.authority}将${name}移出经营异常名录` : `${entry.authority.publisher}将${name}列入经营异常名录`,
      publisher: entry.authority.publisher,
      region: entry.authority.region,
      publishedAt: entry.publishedAt,
      updatedAt: removal ? requireChinaTime(r.REMDATE!, 'REMDATE') : entry.publishedAt,
      status: removal ? STATUS.removed : STATUS.listed,
      subject: entry.subject,
      parties: [entry.authority.party],
      attributes: { ...entry.attributes, listing: { ...entry.attributes.listing, reason: publicText(r.SPECAUSE) }, removal },
      searchText: [publicText(r.SPECAUSE), removal?.reason],
    };
  },
});

function removalOf(r: AbnormalOperationRecord): { date: string; reason: string | null; authority: string } | null {
  const date = present(r.REMDATE);
  if (!date) return null;
  return { date: creditDay(date)!, reason: publicText(r.REMEXCPRES), authority: required(r.REDECORG, 'REDECORG') };
}
