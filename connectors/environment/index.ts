import { connector } from '../../src/sync/stream';
import { airHourly } from './air-hourly/stream';
import { airHourlySample } from './air-hourly/sample';

/** Environmental monitoring (生态环境): air quality so far; water and emissions follow. */
export const environment = connector({
  name: 'environment',
  domain: 'ENVIRONMENT',
  streams: [airHourly],
});

export const environmentFeeds = [airHourlySample];
