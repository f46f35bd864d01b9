import {
  emissionExceedance,
  ENVIRONMENT,
  flagDisagreement,
  httpPages,
  normalizeUscc,
  requireChinaTime,
  STATUS,
  stream,
} from '../../../src/connectorKit';
import { canonicalTime } from '../common/readings';
import { readExceedanceFlag, readSourceMultiple } from './exceedanceFlag';
import { normalizeUnit } from './units';
import { emissionRecordSchema, type EmissionRecord } from './schema';

/** Searchable marker of a result whose source flag contradicts its numbers. */
export const FLAG_DISAGREEMENT_MARKER = '超标标记不一致';

/**
 * Self-monitoring results. The hub decides exceedance from concentration and limit
 * (emissionExceedance) and sets it beside the platform's own flag; where they differ the disclosure
 * carries `flagDisagreement` and the searchable marker, and is stored like any other: hiding it
 * would hide exactly what disclosure is for.
 */
export const emissions = stream<EmissionRecord>({
  name: 'emissions',
  schema: emissionRecordSchema,
  // One result per unit, outlet, pollutant and time. The name stays in the key because placeholder
  // codes (00000000000000000X) are shared by unrelated units.
  key: (r) => `${normalizeUscc(r.TYSHXYDM)}|${r.QYMC}|${r.PFKBH}|${r.JCXM}@${canonicalTime(r.JCSJ, 'JCSJ')}`,
  cursor: (r) => canonicalTime(r.JCSJ, 'JCSJ'),
  source: httpPages({ path: '/environment/emissions', pageSize: 500, sinceParam: 'since' }),
  // Automatic monitoring publishes hourly; manual results arrive days late, hence the look-back.
  schedule: '20 * * * *',
  lookBackMs: 2 * 24 * 3600 * 1000,
  // Units mark results invalid or enter manual ones weeks late; the stream is large, so weekly.
  reconcile: { schedule: '50 4 * * 0', windowDays: 30 },
  toDisclosure: (r, { city }) => {
    const computed = emissionExceedance(r.JCND, r.BZXZ);
    const sourceFlag = readExceedanceFlag(r.SFCB);
    const disagreement = flagDisagreement(sourceFlag, computed.exceeds);
    const unit = normalizeUnit(r.JLDW);
    const monitoredAt = canonicalTime(r.JCSJ, 'JCSJ');
    return {
      kind: ENVIRONMENT.kinds.emission,
      title: `${r.QYMC} ${r.PFKBH} ${r.PFKMC} ${r.JCXM} ${r.JCND} ${unit}${computed.exceeds ? `，超标${computed.multiple.toFixed(2)}倍` : ''}`,
      publisher: r.QYMC,
      // The unit's district when the feed gives it: the region filter then finds it with the district's other records.
      region: r.SSQX ?? city.name,
      publishedAt: requireChinaTime(r.JCSJ, 'JCSJ'),
      status: STATUS.published,
      subject: { uscc: r.TYSHXYDM, name: r.QYMC },
      attributes: {
        district: r.SSQX ?? null,
        outlet: { code: r.PFKBH, name: r.PFKMC, medium: r.PFKLX ?? null },
        pollutant: r.JCXM,
        dischargeMethod: { organisation: r.PFFS ?? null, pattern: r.PFGL ?? null },
        monitoringMethod: r.JCFS ?? null,
        monitoredAt,
        concentration: { value: r.JCND, unit, unitAsWritten: r.JLDW },
        limit: { value: r.BZXZ, unit, standard: r.ZXBZ },
        exceeds: computed.exceeds,
        exceedanceMultiple: computed.multiple,
        source: { exceeds: sourceFlag, multiple: readSourceMultiple(r.CBBS), multipleAsWritten: r.CBBS ?? null },
        flagsAgree: disagreement === null,
        ...(disagreement ? { flagDisagreement: disagreement } : {}),
        annualTotal: r.NPFL === undefined || r.NPFL === null ? null : { value: r.NPFL, unit: 't' },
      },
      searchText: [r.JCXM, r.PFKMC, r.ZXBZ, r.SSQX, computed.exceeds ? '超标' : null, disagreement ? FLAG_DISAGREEMENT_MARKER : null],
    };
  },
});
