/**
 * The engine's surface for connectors and sample feeds: the stream declaration, the sources, and
 * the domain rules a mapping applies. Connectors import from here and from nowhere else in src/,
 * so the engine's internal files can move without touching a connector.
 */
export * from './sync/stream';
export * from './sync/sources/httpPages';
export * from './sync/sources/httpCsv';
export * from './components';

export * from './domain/chinaTime';
export * from './domain/uscc';
export * from './domain/masking';

export * from './domain/creditAmount';
export * from './domain/creditCodedValue';
export * from './domain/creditDates';
export * from './domain/creditDocumentNumber';
export * from './domain/creditIdType';
export * from './domain/creditLicenceCategory';
export * from './domain/creditPartyCategory';
export * from './domain/creditPenaltyCategory';
export * from './domain/creditRegion';
export * from './domain/creditStatus';

export * from './domain/trading';
export * from './domain/ppp';

export * from './domain/aqi/breakpoints';
export * from './domain/aqi/computeAqi';
export * from './domain/airDaily';
export * from './domain/pollutionWarning';
export * from './domain/pollutionWarningGrading';
export * from './domain/emissions';
export * from './domain/drinkingWaterSource';
export * from './domain/waterQuality';
export * from './domain/waterSectionAssessment';
export * from './config/city';
export * from './domain/contract';
