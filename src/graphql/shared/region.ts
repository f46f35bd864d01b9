import type { RegionVocabulary } from '../../domain/region';

/**
 * A region argument as the store keeps regions: a division's official name, whichever way the
 * caller wrote it (萨尔图, 大庆市萨尔图区 or its code 230602). A place outside the city's vocabulary
 * is compared as written.
 */
export function canonicalRegion<T extends string | null | undefined>(raw: T, regions: RegionVocabulary): T | string {
  if (typeof raw !== 'string' || !raw.trim()) return raw;
  return regions.resolve(raw)?.name ?? raw;
}

/** A filter (or argument object) whose `region` is made canonical; the same object when it has none. */
export function withCanonicalRegion<F extends { region?: string | null } | null | undefined>(filter: F, regions: RegionVocabulary): F {
  if (!filter?.region) return filter;
  return { ...filter, region: canonicalRegion(filter.region, regions) };
}
