import { canonicalDocumentNumber, formatChinaTime, httpPages, requireChinaTime, stream } from '../../../src/connectorKit';
import { party2019, type PartyRecord2019 } from '../mapping/party2019';
import { penaltyDisclosure } from '../mapping/penalty';
import { present, required } from '../mapping/text';
import schema from './schema.json';

/** One administrative penalty in the 2019 双公示 template (docs/standards/credit-publicity.md), plus SJC. */
export interface PenaltyRecord extends PartyRecord2019<'CF'> {
  CF_WSH: string;
  CF_WFXW?: string | null;
  CF_SY?: string | null;
  CF_YJ?: string | null;
  CF_CFLB?: string | null;
  CF_NR?: string | null;
  /** 罚款金额 in 万元 ("0.2" for 罚款2000元). */
  CF_NR_FK?: string | number | null;
  /** 没收违法所得、没收非法财物的金额 in 万元. */
  CF_NR_WFFF?: string | number | null;
  CF_NR_ZKDX?: string | null;
  CF_JDRQ: string;
  CF_YXQ?: string | null;
  CF_GSJZQ?: string | null;
  CF_CFJG: string;
  CF_CFJGDM?: string | null;
  CF_SJLY: string;
  CF_SJLYDM?: string | null;
  BZ?: string | null;
  /** 数据更新时间: when the platform last stored the record. */
  SJC: string;
}

/**
 * Administrative penalties (行政处罚) from the credit platform's paged API, read incrementally by
 * SJC, the update time the platform stamps on every record (the template has no update field).
 */
export const penalties = stream<PenaltyRecord>({
  name: 'penalties',
  schema,
  // A decision number is unique within its authority; the number is canonicalised so 〔2026〕 and
  // [2026] are one decision.
  key: (r) => `${required(r.CF_CFJG, 'CF_CFJG')}|${canonicalDocumentNumber(required(r.CF_WSH, 'CF_WSH'))}`,
  cursor: (r) => formatChinaTime(requireChinaTime(r.SJC, 'SJC')),
  source: httpPages({ path: '/credit/penalties', pageSize: 500, sinceParam: 'since' }),
  schedule: '20 2 * * *',
  // Platforms stamp SJC when a report arrives; a day's look-back catches reports stored out of order.
  lookBackMs: 24 * 3600 * 1000,
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
