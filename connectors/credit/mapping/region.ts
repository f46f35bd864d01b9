import type { RegionSetting } from '../../../src/domain/creditRegion';
import { CITY, DISTRICTS } from '../../shared/population';

/** The city the credit feeds cover, and its districts: a record's region is one of these. */
export const CREDIT_REGION: RegionSetting = { city: CITY, districts: DISTRICTS.map((d) => d.name) };
