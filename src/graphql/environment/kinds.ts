/** The stored kinds of the environment connector (connectors/environment/README.md). */
export const ENVIRONMENT_KINDS = {
  airHourly: 'air-quality-hourly',
  airDaily: 'air-quality-daily',
  forecast: 'aqi-forecast',
  warning: 'pollution-warning',
  water: 'water-quality',
  emission: 'emission-result',
} as const;
