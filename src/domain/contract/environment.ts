import type { AqiPollutant, AqiLevel } from '../aqi/breakpoints';
import type { AqiInput, AqiResult } from '../aqi/computeAqi';
import type { DailyAirInput } from '../airDaily';
import type { ProtectionZone } from '../drinkingWaterSource';
import type { FlagDisagreement } from '../emissions';
import type { AqiRange } from '../pollutionWarning';
import type { WarningLevel } from '../pollutionWarningGrading';
import type { WaterSectionAssessment } from '../waterSectionAssessment';
import type { WaterBody, WaterParameter, WaterQualityInput, WaterTargetClass } from '../waterQuality';
import { domainContract } from './domainContract';
import { STATUS } from './status';

/**
 * Environmental monitoring: air quality (hourly, daily), AQI forecasts and heavy-pollution
 * warnings (docs/standards/aqi.md), surface-water sections (docs/standards/water-quality.md) and key
 * dischargers' self-monitoring (docs/standards/emissions.md). Readings are published once and never
 * withdrawn, so every kind is `published`; an emission result names its enterprise as the subject.
 */
export const ENVIRONMENT = domainContract({
  domain: 'ENVIRONMENT',
  kinds: {
    airHourly: 'air-quality-hourly',
    airDaily: 'air-quality-daily',
    forecast: 'aqi-forecast',
    warning: 'pollution-warning',
    water: 'water-quality',
    emission: 'emission-result',
  },
  statuses: [STATUS.published],
  roles: {},
});

/**
 * How often each kind's source publishes new data, in seconds: what the age of a board's or a
 * record's data is measured against (domain/dataAge.ts). Warnings have none: notices come when an
 * episode starts or ends.
 */
export const PUBLICATION_PERIOD_SECONDS = {
  airHourly: 3600,
  airDaily: 86_400,
  forecast: 86_400,
  water: 86_400,
  emission: 3600,
} as const satisfies Partial<Record<keyof typeof ENVIRONMENT.kinds, number>>;

export interface PlaceRef {
  code: string;
  name: string;
}

/** Attributes of an `air-quality-hourly` report from one station. */
export interface AirHourlyAttributes {
  station: { code: string; name: string; city: string; longitude: number | null; latitude: number | null };
  timePoint: string;
  concentrations: AqiInput;
  aqi: AqiResult;
}

/** Attributes of an `air-quality-daily` report of a city, with the source's own figures beside ours. */
export interface AirDailyAttributes {
  city: PlaceRef;
  date: string;
  concentrations: DailyAirInput;
  aqi: AqiResult;
  reported: { aqi: number | null; quality: string | null; primaryPollutant: string | null };
  reportedAqiMatches: boolean | null;
}

interface CategoryEnd {
  level: AqiLevel;
  category: string;
  color: string;
}

export interface ForecastDay {
  date: string;
  aqi: AqiRange;
  category: { low: CategoryEnd; high: CategoryEnd };
  levelText: string | null;
  primaryPollutant: AqiPollutant | null;
  primaryPollutantText: string | null;
}

/** Attributes of an `aqi-forecast`; `warning` is what the forecast calls for under the city's grading. */
export interface AqiForecastAttributes {
  city: PlaceRef;
  issuedAt: string;
  days: ForecastDay[];
  warning: { level: WarningLevel; name: string; response: string } | null;
}

/** Attributes of a `pollution-warning` notice (issue, adjust or lift). */
export interface PollutionWarningAttributes {
  city: PlaceRef;
  noticeNo: string;
  episodeNoticeNo: string;
  action: { code: string; name: 'issue' | 'adjust' | 'lift' };
  level: { code: string; name: WarningLevel };
  response: string | null;
  startTime: string | null;
  expectedEndTime: string | null;
  liftTime: string | null;
  measures: string[];
}

/** Attributes of a `water-quality` sample of one section, with its assessment. */
export type WaterQualityAttributes = WaterSectionAssessment & {
  section: { code: string; name: string; water: string; type: string; waterBody: WaterBody; district: string | null };
  samplingTime: string;
  targetClass: WaterTargetClass;
  drinkingWaterSource: boolean;
  protectionZone: ProtectionZone | null;
  values: WaterQualityInput;
  belowDetectionLimit: WaterParameter[];
  flags: string[];
};

/** Attributes of an `emission-result`: the hub's exceedance beside the source's own flag. */
export interface EmissionResultAttributes {
  district: string | null;
  outlet: { code: string; name: string; medium: string | null };
  pollutant: string;
  dischargeMethod: { organisation: string | null; pattern: string | null };
  monitoringMethod: string | null;
  monitoredAt: string;
  concentration: { value: number; unit: string; unitAsWritten: string };
  limit: { value: number; unit: string; standard: string };
  exceeds: boolean;
  exceedanceMultiple: number;
  source: { exceeds: boolean | null; multiple: number | null; multipleAsWritten: string | null };
  flagsAgree: boolean;
  flagDisagreement?: FlagDisagreement;
  annualTotal: { value: number; unit: 't' } | null;
}
