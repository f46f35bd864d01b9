/**
 * What the API this portal talks to serves beyond its first schema. Plain constants with no browser
 * globals, so queries.js stays loadable outside a browser (bench/soak sends the portal's queries).
 */

/**
 * Whether the API serves `dataAge` (on CityAirQuality, AqiForecast and WaterQualityReport) and the
 * forecast days' `healthEffect` and `advice`: the portal asks for them, shows "数据更新于…" and
 * warns when data is older than its feed's period. Off until schema/environment.graphql has them,
 * because asking for a field the schema lacks fails the whole query.
 */
export const API_SERVES_DATA_AGE = false;
