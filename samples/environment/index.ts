import type { IndexedFeed } from '../kit/feed';
import { airDailySample } from './airDaily';
import { airHourlySample } from './airHourly';
import { aqiForecastsSample } from './aqiForecasts';
import { emissionsSample } from './emissions';
import { pollutionWarningsFeed } from './pollutionWarnings';
import { waterQualitySample } from './waterQuality';

/** The environmental monitoring feeds, in the order of the environment connector's streams. */
export const environmentFeeds: readonly IndexedFeed[] = [airHourlySample, airDailySample, aqiForecastsSample, pollutionWarningsFeed, waterQualitySample, emissionsSample];
