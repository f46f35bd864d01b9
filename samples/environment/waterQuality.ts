import { random, type Random } from '../kit/random';
import { SAMPLE_ANCHOR } from './airHourly';
import { slottedFeed } from '../kit/slottedFeed';
import { MINUTES_PER_DAY } from '../kit/timeline';
import { SECTIONS, type Section } from './waterSections';

const PATH = '/environment/water-quality';
const FIRST_SAMPLING_HOUR = 9;
const PUBLISHED_BY_HOUR = 15;
const MINUTES_BETWEEN_SECTIONS = 20;
const MISSING = '—';

/**
 * Daily section results (断面监测结果) as the city's water-monitoring platform publishes them: section
 * metadata in the platform's pinyin field codes, parameters under their usual symbols, values as
 * strings, "0.01L" for a result below a detection limit of 0.01 and "—" for one not measured.
 * Calendar position i is section i mod S on day ⌊i / S⌋, sampled one section every 20 minutes from
 * 09:00 and published by 15:00.
 */
export const waterQualitySample = slottedFeed({
  path: PATH,
  slots: {
    start: SAMPLE_ANCHOR.set({ hour: FIRST_SAMPLING_HOUR }),
    slotMinutes: MINUTES_PER_DAY,
    perSlot: SECTIONS.length,
    offsetSeconds: ({ position }) => position * MINUTES_BETWEEN_SECTIONS * 60,
    // The morning's samples are analysed and published by 15:00.
    publishedAfterMinutes: PUBLISHED_BY_HOUR * 60 - FIRST_SAMPLING_HOUR * 60,
  },
  record({ slot, position, time }, o) {
    const section = SECTIONS[position];
    return {
      DMBM: section.code,
      DMMC: section.name,
      SSHL: section.water,
      SZLX: section.type,
      SSQX: section.district,
      SZMB: `${section.target}类`,
      SFYYSYD: section.zone ? '是' : '否',
      BHQJB: section.zone ?? '',
      CYSJ: time.toFormat('yyyy/MM/dd HH:mm'),
      ...measurements(section, random(o.seed, PATH, section.code, slot)),
    };
  },
  malformations: [
    (bad) => void (bad.pH = '15'),
    (bad) => void delete bad.DMBM,
    (bad) => void (bad['NH3-N'] = '-0.3'),
    (bad) => void (bad.CYSJ = '2026/11/31 10:00'),
    (bad) => void (bad.DO = 8.2),
  ],
});

/**
 * One sample's parameters. A section's load sets its usual level; the day varies it, and now and
 * then runoff washes pollution in (a few days in a hundred), which is when targets fail. The
 * plain's lakes and reservoirs carry more nitrogen than their class: total nitrogen there is often
 * class IV or V while the section is class II or III, which is why it is a reference indicator.
 */
function measurements(section: Section, r: Random): Record<string, string> {
  const event = r.chance(0.04) ? 2.2 : 1;
  const f = section.load * Math.exp(r.normal(0, 0.18)) * event;
  const lake = section.type === '湖库';
  const codmn = 2.2 * f;
  return {
    pH: r.normal(7.9, 0.25).toFixed(2),
    DO: Math.max(1.5, r.normal(10.5 - 1.3 * (f - 1), 0.6)).toFixed(1),
    CODMn: codmn.toFixed(1),
    COD: String(Math.round(codmn * (3.6 + r.next() * 0.8))),
    BOD5: r.chance(0.1) ? MISSING : (1.6 * f * (0.85 + r.next() * 0.3)).toFixed(1),
    'NH3-N': withDetectionLimit(0.12 * f ** 1.6 * (0.8 + r.next() * 0.4), 0.025, 3),
    TP: withDetectionLimit(lake ? 0.016 * f * (0.8 + r.next() * 0.4) : 0.05 * f ** 1.3 * (0.8 + r.next() * 0.4), 0.01, 3),
    TN: (lake ? 0.95 * f * (0.8 + r.next() * 0.4) : 2.5 * f * (0.8 + r.next() * 0.4)).toFixed(2),
  };
}

/** Labs write a result below the method's detection limit as the limit followed by L. */
function withDetectionLimit(value: number, limit: number, decimals: number): string {
  return value < limit ? `${limit}L` : value.toFixed(decimals);
}
