import type { CitySetting } from '../config/city';
import type { AnyDisclosureInput } from '../domain/contract/disclosure';
import type { RowOrigin } from './normalize';

/**
 * A record's link to its page in the source system, from the city's pattern for its connector
 * (CitySetting.sourceLinks, HUB_SOURCE_LINK_<CONNECTOR>), for mappings whose feed gives none.
 * Every value is URL-encoded; a pattern naming a value the record lacks ({uscc} of a person) gives
 * no link rather than a broken one.
 */
export function sourceLink(city: CitySetting, origin: RowOrigin, input: AnyDisclosureInput): string | null {
  const [connector, stream] = origin.stream.split('/');
  const pattern = city.sourceLinks[connector];
  if (!pattern) return null;
  const values: Record<string, string | null | undefined> = { key: origin.sourceKey, stream, kind: input.kind, uscc: input.subject?.uscc?.trim() };
  let complete = true;
  const link = pattern.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (!value) complete = false;
    return encodeURIComponent(value ?? '');
  });
  return complete ? link : null;
}
