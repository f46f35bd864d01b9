/** The operations the portal sends: small selections, pages of 20, well inside the API's depth and cost limits. */

const CARD_FIELDS =
  'fragment Card on Disclosure { __typename id domain kind title publisher publishedAt status sourceUrl subject { uscc name }' +
  ' ... on AdministrativePenalty { fine }' +
  ' ... on TradingNotice { noticeType { name } tradeType { name } }' +
  ' ... on PppProject { stage { name } totalInvestment }' +
  ' ... on AirQualityReport { aqi { aqi level category color } }' +
  ' ... on AirQualityDailyReport { aqi { aqi level category color } }' +
  ' ... on EmissionResult { exceeds exceedanceMultiple }' +
  ' ... on WaterQualityReport { class targetClass meetsTarget }' +
  ' ... on PollutionWarning { actionText colour } }';

export const SEARCH_QUERY =
  'query PortalSearch($first: Int, $after: String, $search: String, $filter: DisclosureFilter) {' +
  ' disclosures(first: $first, after: $after, search: $search, filter: $filter) {' +
  ' totalCount pageInfo { hasNextPage endCursor } edges { node { ...Card } } } } ' +
  CARD_FIELDS;

export const AIR_QUERY =
  'query PortalAir { latestAirQuality { city timePoint stationCount' +
  ' aqi { aqi level category color primaryPollutants healthEffect advice } } }';

export const PROFILE_QUERY =
  'query PortalProfile($uscc: String!, $first: Int) { entity(uscc: $uscc) {' +
  ' uscc name names usccValid usccReason creditChinaUrl' +
  ' disclosureCounts { domain count }' +
  ' creditSummary { penaltyCount penaltyTotalFine latestPenaltyAt licenceCount abnormalListingCount' +
  '  currentAbnormalListing { id title publishedAt ... on AbnormalOperationListing { listing { date reason authority } } }' +
  '  seriousViolationListed' +
  '  seriousViolationListing { id title publishedAt ... on SeriousViolationListing { listing { date reason authority } } } }' +
  ' tradingAwards(first: $first) { projectCode projectName amount awardedAt notice { id title sourceUrl } }' +
  ' pppRoles { role project { id title status sourceUrl ... on PppProject { stage { name } totalInvestment } } }' +
  ' emissionExceedances(first: $first) { totalCount edges { node { id title publishedAt ... on EmissionResult {' +
  '  pollutant monitoredAt exceedanceMultiple outlet { code name } concentration { value unit } limit { value unit standard } } } } }' +
  ' disclosures(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...Card } } } } } ' +
  CARD_FIELDS;

export const ENTITY_DISCLOSURES_QUERY =
  'query PortalEntityDisclosures($uscc: String!, $first: Int, $after: String, $filter: DisclosureFilter) {' +
  ' entity(uscc: $uscc) { uscc disclosures(first: $first, after: $after, filter: $filter) {' +
  ' totalCount pageInfo { hasNextPage endCursor } edges { node { ...Card } } } } } ' +
  CARD_FIELDS;
