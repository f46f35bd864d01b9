import {
  assessWaterSection,
  ENVIRONMENT,
  httpPages,
  requireChinaTime,
  STATUS,
  stream,
  type ProtectionZone,
  type WaterParameter,
  type WaterQualityInput,
} from '../../../src/connectorKit';
import { ecologyAuthority } from '../common/authority';
import { canonicalTime } from '../common/readings';
import { readWaterValue } from './waterValue';
import { classText, parseTargetClass } from './waterClassText';
import { waterQualityRecordSchema, type WaterQualityRecord } from './schema';

/** The source's parameter symbols → the hub's parameter names (waterQuality.ts). */
const PARAMETERS: ReadonlyArray<[keyof WaterQualityRecord, WaterParameter]> = [
  ['pH', 'ph'],
  ['DO', 'do'],
  ['CODMn', 'codmn'],
  ['COD', 'cod'],
  ['BOD5', 'bod5'],
  ['NH3-N', 'nh3n'],
  ['TP', 'tp'],
  ['TN', 'tn'],
];

const DAY_MS = 24 * 3600 * 1000;

/**
 * Section results, classified by GB 3838-2002 against the section's target and, for drinking-water
 * sources, its protection zone. A failure is flagged in `flags` and in the searchable text, and the
 * record stays an ordinary published disclosure: a failing section is a fact to publish, not an error.
 */
export const waterQuality = stream<WaterQualityRecord>({
  name: 'water-quality',
  schema: waterQualityRecordSchema,
  key: (r) => `${r.DMBM}@${canonicalTime(r.CYSJ, 'CYSJ')}`,
  cursor: (r) => canonicalTime(r.CYSJ, 'CYSJ'),
  source: httpPages({ path: '/environment/water-quality', pageSize: 500, sinceParam: 'since' }),
  // Samples are taken in the morning and the lab results published by early afternoon; labs
  // correct results within days.
  schedule: '0 15 * * *',
  lookBackMs: 3 * DAY_MS,
  // Monthly and quarterly assessments recheck results a season back.
  reconcile: { schedule: '20 5 * * 0', windowDays: 90 },
  toDisclosure: (r, { city }) => {
    const { values, belowDetectionLimit } = readValues(r);
    const waterBody = r.SZLX === '河流' ? 'river' : 'lake';
    const targetClass = parseTargetClass(r.SZMB);
    const protectionZone: ProtectionZone | null = r.SFYYSYD === '是' ? (r.BHQJB as ProtectionZone) : null;
    const assessment = assessWaterSection({ values, waterBody, targetClass, protectionZone });
    const flags = [
      ...(assessment.meetsTarget ? [] : ['below-target']),
      ...(assessment.drinkingWater && !assessment.drinkingWater.meets ? ['drinking-water-source-fails'] : []),
    ];
    const samplingTime = canonicalTime(r.CYSJ, 'CYSJ');
    const sampledAt = requireChinaTime(r.CYSJ, 'CYSJ');
    const failures = [
      assessment.meetsTarget ? null : `未达到${classText(targetClass)}目标`,
      flags.includes('drinking-water-source-fails') ? `饮用水水源地${protectionZone}保护区水质不达标` : null,
    ].filter((f): f is string => f !== null);
    return {
      kind: ENVIRONMENT.kinds.water,
      title: `${sectionName(r)} ${samplingTime.slice(0, 10)} 水质${classText(assessment.class)}${failures.length > 0 ? `，${failures.join('，')}` : ''}`,
      publisher: ecologyAuthority(city, sampledAt),
      region: r.SSQX ?? city.name,
      publishedAt: sampledAt,
      status: STATUS.published,
      attributes: {
        section: { code: r.DMBM, name: r.DMMC, water: r.SSHL, type: r.SZLX, waterBody, district: r.SSQX ?? null },
        samplingTime,
        targetClass,
        drinkingWaterSource: protectionZone !== null,
        protectionZone,
        values,
        belowDetectionLimit,
        ...assessment,
        flags,
      },
      searchText: ['地表水', r.SSQX, ...failures],
    };
  },
});

/** 嫩江肇源段断面; a section already named after its water (大庆水库取水口) is not named twice. */
function sectionName(r: WaterQualityRecord): string {
  return `${r.DMMC.startsWith(r.SSHL) ? '' : r.SSHL}${r.DMMC}断面`;
}

function readValues(r: WaterQualityRecord): { values: WaterQualityInput; belowDetectionLimit: WaterParameter[] } {
  const values: WaterQualityInput = {};
  const belowDetectionLimit: WaterParameter[] = [];
  for (const [field, parameter] of PARAMETERS) {
    const read = readWaterValue(r[field] as string | undefined);
    if (read === undefined) continue;
    values[parameter] = read.value;
    if (read.belowDetectionLimit) belowDetectionLimit.push(parameter);
  }
  return { values, belowDetectionLimit };
}
