import { ENVIRONMENT, PUBLICATION_PERIOD_SECONDS } from '../../domain/contract';
import type { Knex } from 'knex';
import { computeAqi, type AqiInput, type AqiResult } from '../../domain/aqi/computeAqi';
import { dataAge, type DataAge } from '../../domain/dataAge';

/** The hourly concentration keys, and the decimals a city mean keeps (CO in mg/m³ to 0.1). */
const CONCENTRATION_DECIMALS: ReadonlyArray<[key: keyof AqiInput & string, decimals: number]> = [
  ['so2_1h', 0],
  ['no2_1h', 0],
  ['co_1h', 1],
  ['o3_1h', 0],
  ['o3_8h', 0],
  ['pm10_24h', 0],
  ['pm25_24h', 0],
];

export interface CityAirQuality {
  city: string;
  timePoint: string;
  publishedAt: Date;
  stationCount: number;
  concentrations: Record<string, number | null>;
  aqi: AqiResult;
  worstStation: { station: unknown; aqi: AqiResult };
  /** How old the city's latest time point is against the hourly publication. */
  dataAge: DataAge;
}

/**
 * One query: every hourly reading at its city's latest time point, aggregated per city. The SQL
 * text is fixed (the keys and decimals above are constants) and the only value, the kind, is bound.
 * Means are exact (numeric) and rounded in SQL to the precision stations report; avg skips stations
 * that did not report a pollutant.
 *
 * The readings are found through the (kind, region, published_at) index, never by ranking every
 * reading: the cities by skipping from one region to the next (a recursive walk, one index probe
 * per city), each city's latest time by the first entry of its range, and that instant's readings
 * by the same range. The hourly readings only grow, an hour at a time; a window over all of them
 * sorted each one with its JSON on every request (spilling 4 MB to disk per request in the soak
 * benchmark), so its cost grew with the history kept: 18 ms at 20,000 readings and 423 ms at
 * 100,000, against 3.7 and 5.3 ms this way. The kind is bound by name in each probe: taken from a
 * CTE instead, it is no constant to the planner, and the probes became scans (767 ms at 20,000).
 */
function latestSql(): string {
  const means = CONCENTRATION_DECIMALS.map(
    ([key, decimals]) => `round(avg((d.attributes->'concentrations'->>'${key}')::numeric), ${decimals}) AS "${key}"`,
  ).join(',\n      ');
  return `
    WITH RECURSIVE cities AS (
      (SELECT d.region FROM disclosures d WHERE d.kind = :kind AND d.region IS NOT NULL ORDER BY d.region LIMIT 1)
      UNION ALL
      SELECT (SELECT d.region FROM disclosures d WHERE d.kind = :kind AND d.region > c.region ORDER BY d.region LIMIT 1)
      FROM cities c WHERE c.region IS NOT NULL
    ),
    latest AS (
      SELECT c.region AS city,
        (SELECT d.published_at FROM disclosures d WHERE d.kind = :kind AND d.region = c.region ORDER BY d.published_at DESC LIMIT 1) AS published_at
      FROM cities c WHERE c.region IS NOT NULL
    )
    SELECT l.city, d.attributes->>'timePoint' AS time_point, l.published_at, count(*)::int AS station_count,
      ${means},
      jsonb_agg(jsonb_build_object('station', d.attributes->'station', 'aqi', d.attributes->'aqi')
        ORDER BY (d.attributes->'aqi'->>'aqi')::int DESC, d.attributes->'station'->>'code') -> 0 AS worst
    FROM latest l
    JOIN disclosures d ON d.kind = :kind AND d.region = l.city AND d.published_at = l.published_at
    GROUP BY l.city, d.attributes->>'timePoint', l.published_at`;
}

/**
 * Each city's air quality at its latest time point, most polluted first. The city AQI is indexed
 * from the mean concentrations of the stations that reported (the city value of HJ 633/HJ 663),
 * not taken from one station; the worst station is given beside it.
 */
export async function latestAirQuality(knex: Knex, now: Date = new Date()): Promise<CityAirQuality[]> {
  const result = await knex.raw(latestSql(), { kind: ENVIRONMENT.kinds.airHourly });
  const rows: any[] = result.rows ?? result;
  return rows.map((row) => cityOf(row, now)).sort((a, b) => b.aqi.aqi - a.aqi.aqi || (a.city < b.city ? -1 : a.city > b.city ? 1 : 0));
}

function cityOf(row: any, now: Date): CityAirQuality {
  const concentrations = Object.fromEntries(
    CONCENTRATION_DECIMALS.map(([key]) => [key, row[key] === null || row[key] === undefined ? null : Number(row[key])]),
  );
  const worst = typeof row.worst === 'string' ? JSON.parse(row.worst) : row.worst;
  const publishedAt = new Date(row.published_at);
  return {
    city: row.city,
    // Readings at one instant share one canonical time point.
    timePoint: row.time_point,
    publishedAt,
    stationCount: Number(row.station_count),
    concentrations,
    aqi: computeAqi(concentrations),
    worstStation: worst,
    dataAge: dataAge(publishedAt, PUBLICATION_PERIOD_SECONDS.airHourly, now),
  };
}
