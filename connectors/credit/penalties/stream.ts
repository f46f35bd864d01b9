import { canonicalDocumentNumber, formatChinaTime, httpPages, requireChinaTime, stream } from '../../../src/connectorKit';
import { party2019 } from '../mapping/party2019';
import { penaltyDisclosure } from '../mapping/penalty';
import { present, required } from '../mapping/text';
import { penaltyRecordSchema, type PenaltyRecord } from './schema';

/**
 * Administrative penalties (行政处罚) from the credit platform's paged API, read incrementally by
 * SJC, the update time the platform stamps on every record (the template has no update field).
 */
export const penalties = stream<PenaltyRecord>({
  name: 'penalties',
  schema: penaltyRecordSchema,
  // A decision number is unique within its authority; the number is canonicalised so 〔2026〕 and
  // [2026] are one decision.
  key: (r) => `${required(r.CF_CFJG, 'CF_CFJG')}|${canonicalDocumentNumber(required(r.CF_WSH, 'CF_WSH'))}`,
  cursor: (r) => formatChinaTime(requireChinaTime(r.SJC, 'SJC')),
  source: httpPages({ path: '/credit/penalties', pageSize: 500, sinceParam: 'since' }),
  schedule: '20 2 * * *',
  // Platforms stamp SJC when a report arrives; a day's look-back catches reports stored out of order.
  lookBackMs: 24 * 3600 * 1000,
  // A correction restamps SJC, so incremental runs see it; the weekly whole read is the safety net
  // for records stored with an old stamp.
  reconcile: { schedule: '20 3 * * 0' },
  toDisclosure: (r, context) =>
    penaltyDisclosure({
      party: party2019(r, 'CF'),
      documentNumber: r.CF_WSH,
      decisionDate: r.CF_JDRQ,
      updateTime: r.SJC,
      violationType: present(r.CF_WFXW),
      facts: present(r.CF_SY),
      basis: present(r.CF_YJ),
      categories: [present(r.CF_CFLB)],
      content: present(r.CF_NR),
      fine: r.CF_NR_FK ?? undefined,
      confiscation: r.CF_NR_WFFF ?? undefined,
      suspendedOrRevokedLicence: present(r.CF_NR_ZKDX),
      validUntil: present(r.CF_YXQ),
      publicityUntil: present(r.CF_GSJZQ),
      authority: { name: r.CF_CFJG.trim(), uscc: present(r.CF_CFJGDM) },
      dataSource: { name: r.CF_SJLY.trim(), uscc: present(r.CF_SJLYDM) },
      remarks: present(r.BZ),
    }, context),
});
