import { attributeFields, disclosureFields, type DomainResolvers } from './disclosureFields';

/** Environmental monitoring: air-quality reports keep their station, concentrations and AQI block in `attributes`. */
export const environmentResolvers: DomainResolvers = {
  typesByKind: { 'air-quality-hourly': 'AirQualityReport' },
  resolvers: {
    AirQualityReport: { ...disclosureFields, ...attributeFields('station', 'timePoint', 'concentrations', 'aqi') },
  },
};
