import { connector } from '../../src/sync/stream';
import { airHourly } from './air-hourly/stream';
import { airHourlySample } from './air-hourly/sample';
import { airDaily } from './air-daily/stream';
import { airDailySample } from './air-daily/sample';
import { aqiForecasts } from './aqi-forecasts/stream';
import { aqiForecastsSample } from './aqi-forecasts/sample';
import { pollutionWarnings } from './pollution-warnings/stream';
import { pollutionWarningsFeed } from './pollution-warnings/sample';
import { waterQuality } from './water-quality/stream';
import { waterQualitySample } from './water-quality/sample';
import { emissions } from './emissions/stream';
import { emissionsSample } from './emissions/sample';

/**
 * Environmental monitoring (生态环境): station and city air quality, forecasts and heavy-pollution
 * warnings, surface-water sections, and key pollutant-discharging units' self-monitoring.
 * README.md beside this file describes each source and the decisions the mappings make.
 */
export const environment = connector({
  name: 'environment',
  domain: 'ENVIRONMENT',
  streams: [airHourly, airDaily, aqiForecasts, pollutionWarnings, waterQuality, emissions],
});

export const environmentFeeds = [airHourlySample, airDailySample, aqiForecastsSample, pollutionWarningsFeed, waterQualitySample, emissionsSample];
