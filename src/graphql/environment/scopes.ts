import { ENVIRONMENT } from '../../domain/contract';
import { formatChinaTime } from '../../domain/chinaTime';
import { badInput } from '../shared/badInput';
import { contains, given, scopeOf, type DisclosureScope } from '../shared/scope';
import { readWaterClass } from './waterClass';

/**
 * The environment queries' arguments as a DisclosureFilter (the columns every disclosure has) plus a
 * scope over `attributes` (shared/scope.ts).
 */

/** A name argument: trimmed, null when absent or blank. */
function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

export interface AirQualityArgs {
  city?: string | null;
  station?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** Hourly readings of a city and/or station (code or exact name) within [from, to). */
export function airQualityScope(args: AirQualityArgs): DisclosureScope {
  if (args.from && args.to && args.from > args.to) throw badInput(`"from" must not be after "to"`);
  const station = text(args.station);
  return {
    filter: { kind: ENVIRONMENT.kinds.airHourly, region: text(args.city), publishedFrom: args.from ?? null, publishedTo: args.to ?? null },
    scope: scopeOf([
      {
        sql: '(d.attributes @> ?::jsonb OR d.attributes @> ?::jsonb)',
        bindings: [JSON.stringify({ station: { code: station } }), JSON.stringify({ station: { name: station } })],
        when: station !== null,
      },
    ]),
  };
}

export interface WaterSectionArgs {
  class?: string | null;
  belowTarget?: boolean | null;
  drinkingWaterOnly?: boolean | null;
  section?: string | null;
  latestOnly?: boolean | null;
}

/**
 * Water results; by default only each section's latest (the newest sampling time, then the highest
 * id), and the other conditions then judge that latest result: "sections now below target".
 */
export function waterSectionScope(args: WaterSectionArgs): DisclosureScope {
  const waterClass = given(args.class) ? readWaterClass(args.class) : null;
  const section = text(args.section);
  return {
    filter: { kind: ENVIRONMENT.kinds.water },
    scope: scopeOf([
      {
        sql: `d.id IN (SELECT DISTINCT ON (w.attributes->'section'->>'code') w.id FROM disclosures w WHERE w.kind = ?
              ORDER BY w.attributes->'section'->>'code', w.published_at DESC, w.id DESC)`,
        bindings: [ENVIRONMENT.kinds.water],
        when: args.latestOnly !== false,
      },
      contains({ class: waterClass }, waterClass !== null),
      contains({ meetsTarget: !args.belowTarget }, given(args.belowTarget)),
      contains({ drinkingWaterSource: true }, args.drinkingWaterOnly === true),
      contains({ section: { code: section } }, section !== null),
    ]),
  };
}

export interface EmissionResultArgs {
  uscc?: string | null;
  exceedsOnly?: boolean | null;
  disagreementsOnly?: boolean | null;
}

/** Emission results of a unit, optionally only exceedances and/or only contradicted flags. */
export function emissionResultScope(args: EmissionResultArgs): DisclosureScope {
  return {
    filter: { kind: ENVIRONMENT.kinds.emission, subjectUscc: text(args.uscc) },
    scope: scopeOf([contains({ exceeds: true }, args.exceedsOnly === true), contains({ flagsAgree: false }, args.disagreementsOnly === true)]),
  };
}

export interface PollutionWarningArgs {
  activeOnly?: boolean | null;
  city?: string | null;
  at?: Date | null;
}

/**
 * Warning notices as of `at` (default now). A warning is in force at `at` when the latest notice of
 * its episode (the notices sharing region and episodeNoticeNo) published by then either issues or
 * adjusts it with an expected end after `at` (none given: open), or lifts it at a time after `at`
 * (a lift published at 17:00 for midnight leaves the warning in force until midnight). A warning
 * whose lift notice never came ends when it said it would; one issued for tomorrow is in force from
 * its notice, as portals show it. activeOnly lists that latest notice, one node per warning.
 * Stored times are canonical China time (YYYY-MM-DD HH:mm:ss), so they compare as text.
 */
export function pollutionWarningScope(args: PollutionWarningArgs, now: Date = new Date()): DisclosureScope {
  const at = args.at ?? now;
  const active = args.activeOnly === true;
  return {
    filter: { kind: ENVIRONMENT.kinds.warning, region: text(args.city) },
    scope: scopeOf([
      { sql: 'd.published_at <= ?', bindings: [at], when: true },
      {
        sql: `d.id IN (SELECT DISTINCT ON (w.region, w.attributes->>'episodeNoticeNo') w.id FROM disclosures w
              WHERE w.kind = ? AND w.published_at <= ?
              ORDER BY w.region, w.attributes->>'episodeNoticeNo', w.published_at DESC, w.id DESC)`,
        bindings: [ENVIRONMENT.kinds.warning, at],
        when: active,
      },
      {
        sql: `(CASE WHEN d.attributes @> ?::jsonb THEN COALESCE(d.attributes->>'liftTime', '') > ?
                    ELSE COALESCE(d.attributes->>'expectedEndTime' > ?, true) END)`,
        bindings: [JSON.stringify({ action: { name: 'lift' } }), formatChinaTime(at), formatChinaTime(at)],
        when: active,
      },
    ]),
  };
}
