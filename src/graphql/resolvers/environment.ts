import { disclosureFields } from './disclosureFields';

/** Air-quality reports keep their station, concentrations and AQI block in `attributes`. */
export const environmentResolvers = {
  AirQualityReport: {
    ...disclosureFields,
    station: (row: any) => row.attributes.station,
    timePoint: (row: any) => row.attributes.timePoint,
    concentrations: (row: any) => row.attributes.concentrations,
    aqi: (row: any) => row.attributes.aqi,
  },
};
