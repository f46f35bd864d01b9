import { ENVIRONMENT, PUBLICATION_PERIOD_SECONDS } from '../../domain/contract';
import { aqiCategory } from '../../domain/aqi/computeAqi';
import { dataAge } from '../../domain/dataAge';
import { compareWaterClasses, WATER_PARAMETERS, type WaterClass } from '../../domain/waterQuality';
import { attributesNamed, servedAs, type ServedKinds } from '../disclosures/served';

/**
 * Environmental monitoring (生态环境): every kind keeps its domain fields in `attributes`, as the
 * environment connector maps them; most are served exactly as stored.
 */

/** A warning's episode: the notices of one city sharing the number of the notice that issued it. */
export interface EpisodeKey {
  region: string | null;
  episodeNoticeNo: string;
}

const airQualityReport = servedAs('AirQualityReport', (a) => attributesNamed(a, 'station', 'timePoint', 'concentrations', 'aqi'));

const airQualityDailyReport = servedAs('AirQualityDailyReport', (a) =>
  attributesNamed(a, 'city', 'date', 'concentrations', 'aqi', 'reported', 'reportedAqiMatches'),
);

/**
 * A forecast with each day's health effect and advice (HJ 633-2012 table 2), of the level of the
 * range's upper end: what a precaution plans for, as warnings compare the upper end. Its data age
 * counts from its issue: a forecast two issues old has been replaced.
 */
const aqiForecast = servedAs('AqiForecast', (a, row) =>
  Object.assign(attributesNamed(a, 'city', 'issuedAt', 'warning'), {
    days: (a.days ?? []).map(withHealthAdvice),
    dataAge: dataAge(new Date(row.published_at), PUBLICATION_PERIOD_SECONDS.forecast),
  }),
);

function withHealthAdvice(day: { aqi: { high: number } }) {
  const { healthEffect, advice } = aqiCategory(day.aqi.high);
  return Object.assign({}, day, { healthEffect, advice });
}

/** Action and level are stored as {code, name}; the type flattens them (action.name → action). */
export const servedPollutionWarning = servedAs('PollutionWarning', (a, row) =>
  Object.assign(attributesNamed(a, 'city', 'noticeNo', 'episodeNoticeNo', 'response', 'startTime', 'expectedEndTime', 'liftTime', 'measures'), {
    action: a.action?.name ?? null,
    actionText: a.action?.code ?? null,
    level: a.level?.name ?? null,
    colour: a.level?.code ?? null,
    /** Not a field: what `episode` loads. */
    episodeKey: { region: row.region, episodeNoticeNo: a.episodeNoticeNo } as EpisodeKey,
  }),
);

export type ServedPollutionWarning = ReturnType<typeof servedPollutionWarning>;

/** A section result; its data age counts from its sampling against the daily sampling. */
const waterQualityReport = servedAs('WaterQualityReport', (a, row) =>
  Object.assign(
    attributesNamed(
      a, 'section', 'samplingTime', 'targetClass', 'class', 'limitingParameters', 'exceedances', 'meetsTarget',
      'drinkingWaterSource', 'protectionZone', 'drinkingWater', 'belowDetectionLimit', 'ignoredParameters', 'flags',
    ),
    {
      referenceClasses: { tn: a.referenceClasses?.tn ?? null },
      parameters: waterParameters(a),
      dataAge: dataAge(new Date(row.published_at), PUBLICATION_PERIOD_SECONDS.water),
    },
  ),
);

const emissionResult = servedAs('EmissionResult', (a) =>
  attributesNamed(
    a, 'district', 'outlet', 'pollutant', 'dischargeMethod', 'monitoringMethod', 'monitoredAt', 'concentration', 'limit',
    'exceeds', 'exceedanceMultiple', 'source', 'flagsAgree', 'flagDisagreement', 'annualTotal',
  ),
);

/**
 * A water result's parameters, one entry per reported value in GB 3838 order: its class, whether it
 * alone meets the target, and its exceedance multiple, all as the mapping stored them. A reference
 * indicator (TN of a lake) has its own class but is not held to the target: no multiple, no verdict.
 */
function waterParameters(a: any) {
  return WATER_PARAMETERS.filter((p) => typeof a.values?.[p] === 'number').map((parameter) => {
    const parameterClass: WaterClass | null = a.parameterClasses?.[parameter] ?? null;
    const referenceClass: WaterClass | null = a.referenceClasses?.[parameter] ?? null;
    return {
      parameter,
      value: a.values[parameter],
      class: parameterClass ?? referenceClass,
      reference: referenceClass !== null,
      exceedanceMultiple: a.exceedanceMultiples?.[parameter] ?? null,
      meetsTarget: parameterClass === null ? null : compareWaterClasses(parameterClass, a.targetClass) <= 0,
      belowDetectionLimit: (a.belowDetectionLimit ?? []).includes(parameter),
    };
  });
}

export const servedEnvironmentKinds: ServedKinds = {
  [ENVIRONMENT.kinds.airHourly]: airQualityReport,
  [ENVIRONMENT.kinds.airDaily]: airQualityDailyReport,
  [ENVIRONMENT.kinds.forecast]: aqiForecast,
  [ENVIRONMENT.kinds.warning]: servedPollutionWarning,
  [ENVIRONMENT.kinds.water]: waterQualityReport,
  [ENVIRONMENT.kinds.emission]: emissionResult,
};
