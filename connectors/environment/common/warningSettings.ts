import { checkWarningSettings, type WarningSettings } from '../../../src/connectorKit';
import grading from './warningGrading.json';

/**
 * The grading of heavy-pollution warnings this deployment uses, checked on load. The table is data
 * (warningGrading.json, its $comment says where it comes from and how to read it); a deployment with
 * its cities' own plans passes other settings to aqiForecastsStream and pollutionWarningsSample, or
 * layers them over these with overrideWarningSettings.
 */
export const DEFAULT_WARNING_SETTINGS: WarningSettings = checkWarningSettings(grading);
