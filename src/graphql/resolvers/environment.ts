import { compareWaterClasses, WATER_PARAMETERS, type WaterClass } from '../../domain/waterQuality';
import type { HubContext } from '../context';
import { latestAirQuality } from '../environment/latestAirQuality';
import { ENVIRONMENT_KINDS } from '../environment/kinds';
import { airQualityScope, emissionResultScope, pollutionWarningScope, waterSectionScope, type EnvironmentScope } from '../environment/scopes';
import { episodeNotices } from '../environment/warningEpisodes';
import { listDisclosures } from '../queries/disclosureList';
import { attributeFields, disclosureFields, type DomainResolvers } from './disclosureFields';

type PageArgs = { first?: number | null; after?: string | null };

/** A domain query: the shared keyset-paged connection, narrowed by the query's scope. */
function scopedList<A>(toScope: (args: A) => EnvironmentScope) {
  return (_: unknown, args: A & PageArgs, ctx: HubContext) => {
    const { filter, scope } = toScope(args);
    return listDisclosures(ctx.knex, { first: args.first, after: args.after, filter }, scope);
  };
}

/** attributes.<name>.<key> for fields that flatten a stored object (action.name → action). */
const nested = (name: string, key: string) => (row: any) => row.attributes?.[name]?.[key] ?? null;

/**
 * A water result's parameters, one entry per reported value in GB 3838 order: its class, whether it
 * alone meets the target, and its exceedance multiple, all as the mapping stored them.
 */
function waterParameters(row: any) {
  const a = row.attributes ?? {};
  return WATER_PARAMETERS.filter((p) => typeof a.values?.[p] === 'number').map((parameter) => {
    const parameterClass: WaterClass | null = a.parameterClasses?.[parameter] ?? null;
    return {
      parameter,
      value: a.values[parameter],
      class: parameterClass,
      exceedanceMultiple: a.exceedanceMultiples?.[parameter] ?? null,
      meetsTarget: parameterClass === null ? null : compareWaterClasses(parameterClass, a.targetClass) <= 0,
      belowDetectionLimit: (a.belowDetectionLimit ?? []).includes(parameter),
    };
  });
}

/**
 * Environmental monitoring (生态环境): every kind keeps its domain fields in `attributes`, as the
 * environment connector maps them; most are served exactly as stored.
 */
export const environmentResolvers: DomainResolvers = {
  typesByKind: {
    [ENVIRONMENT_KINDS.airHourly]: 'AirQualityReport',
    [ENVIRONMENT_KINDS.airDaily]: 'AirQualityDailyReport',
    [ENVIRONMENT_KINDS.forecast]: 'AqiForecast',
    [ENVIRONMENT_KINDS.warning]: 'PollutionWarning',
    [ENVIRONMENT_KINDS.water]: 'WaterQualityReport',
    [ENVIRONMENT_KINDS.emission]: 'EmissionResult',
  },
  resolvers: {
    AirQualityReport: { ...disclosureFields, ...attributeFields('station', 'timePoint', 'concentrations', 'aqi') },
    AirQualityDailyReport: { ...disclosureFields, ...attributeFields('city', 'date', 'concentrations', 'aqi', 'reported', 'reportedAqiMatches') },
    AqiForecast: { ...disclosureFields, ...attributeFields('city', 'issuedAt', 'days', 'warning') },
    PollutionWarning: {
      ...disclosureFields,
      ...attributeFields('city', 'noticeNo', 'episodeNoticeNo', 'response', 'startTime', 'expectedEndTime', 'liftTime', 'measures'),
      action: nested('action', 'name'),
      actionText: nested('action', 'code'),
      level: nested('level', 'name'),
      colour: nested('level', 'code'),
      episode: (row: any, _: unknown, ctx: HubContext) => episodeNotices(ctx, { region: row.region, episodeNoticeNo: row.attributes.episodeNoticeNo }),
    },
    WaterQualityReport: {
      ...disclosureFields,
      ...attributeFields(
        'section', 'samplingTime', 'targetClass', 'class', 'limitingParameters', 'exceedances', 'meetsTarget',
        'drinkingWaterSource', 'protectionZone', 'drinkingWater', 'belowDetectionLimit', 'ignoredParameters', 'flags',
      ),
      parameters: waterParameters,
    },
    EmissionResult: {
      ...disclosureFields,
      ...attributeFields(
        'district', 'outlet', 'pollutant', 'dischargeMethod', 'monitoringMethod', 'monitoredAt', 'concentration', 'limit',
        'exceeds', 'exceedanceMultiple', 'source', 'flagsAgree', 'flagDisagreement', 'annualTotal',
      ),
    },
    // Enum values as stored (the mapping's lower-case names).
    WarningLevel: { BLUE: 'blue', YELLOW: 'yellow', ORANGE: 'orange', RED: 'red' },
    WarningAction: { ISSUE: 'issue', ADJUST: 'adjust', LIFT: 'lift' },
    WaterParameter: { PH: 'ph', DO: 'do', CODMN: 'codmn', COD: 'cod', BOD5: 'bod5', NH3N: 'nh3n', TP: 'tp', TN: 'tn' },
    WaterBodyType: { RIVER: 'river', LAKE: 'lake' },
    Query: {
      airQuality: scopedList(airQualityScope),
      latestAirQuality: (_: unknown, __: unknown, ctx: HubContext) => latestAirQuality(ctx.knex),
      waterSections: scopedList(waterSectionScope),
      emissionResults: scopedList(emissionResultScope),
      pollutionWarnings: scopedList(pollutionWarningScope),
    },
  },
};
