import { connector } from '../../src/connectorKit';
import { airHourly } from './air-hourly/stream';
import { airDaily } from './air-daily/stream';
import { aqiForecasts } from './aqi-forecasts/stream';
import { pollutionWarnings } from './pollution-warnings/stream';
import { waterQuality } from './water-quality/stream';
import { emissions } from './emissions/stream';

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

