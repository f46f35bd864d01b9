/** The operations the portal sends: small selections, pages of 20, well inside the API's depth and cost limits. */

/** How old a board's data is, so the page can say 数据更新于… and warn when it is stale. */
const DATA_AGE = ' dataAge { asOf seconds periodSeconds stale }';
const FORECAST_DAY_ADVICE = ' healthEffect advice';

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
  ' aqi { aqi level category color primaryPollutants healthEffect advice }' + DATA_AGE + ' } }';

/** The code's check beside the profile: a wrong code is explained, a flagged one too. */
const USCC_CHECK_FIELDS =
  ' usccCheck(code: $uscc) { valid normalized expectedCheck problems { kind position messageZh } notes { kind messageZh }' +
  '  registrationAuthority { code name } entityCategory { code name } division { code name within scope } }';

export const PROFILE_QUERY =
  'query PortalProfile($uscc: String!, $first: Int) {' + USCC_CHECK_FIELDS + ' entity(uscc: $uscc) {' +
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

/** The newest AQI forecasts, newest first; the view keeps each city's latest. */
export const FORECASTS_QUERY =
  'query PortalForecasts($first: Int) { disclosures(first: $first, filter: { domain: ENVIRONMENT, kind: "aqi-forecast" }) {' +
  ' edges { node { id sourceUrl ... on AqiForecast { city { name code } issuedAt' +
  '  days { date aqi { low high } category { low { level category color } high { level category color } }' +
  '   levelText primaryPollutant primaryPollutantText' + FORECAST_DAY_ADVICE + ' }' +
  '  warning { level name response }' + DATA_AGE + ' } } } } }';

const WARNING_FIELDS =
  'fragment WarningNotice on Disclosure { id title publishedAt sourceUrl ... on PollutionWarning {' +
  ' city { name } noticeNo episodeNoticeNo action level colour response startTime expectedEndTime liftTime measures' +
  ' episode { id noticeNo action level publishedAt startTime expectedEndTime liftTime } } }';

/** Warnings in force, and the latest notices whatever their state. */
export const WARNINGS_QUERY =
  'query PortalWarnings($first: Int) {' +
  ' active: pollutionWarnings(activeOnly: true, first: $first) { totalCount edges { node { ...WarningNotice } } }' +
  ' recent: pollutionWarnings(first: $first) { totalCount edges { node { ...WarningNotice } } } } ' +
  WARNING_FIELDS;

/** Each section's latest result. */
export const WATER_QUERY =
  'query PortalWater($first: Int, $belowTarget: Boolean, $drinkingWaterOnly: Boolean) {' +
  ' waterSections(first: $first, belowTarget: $belowTarget, drinkingWaterOnly: $drinkingWaterOnly) { totalCount' +
  ' edges { node { id sourceUrl ... on WaterQualityReport { section { code name water type district } samplingTime' +
  '  targetClass class meetsTarget drinkingWaterSource protectionZone drinkingWater { zone requiredClass meets }' +
  '  exceedances { parameter value limit multiple }' + DATA_AGE + ' } } } } }';

export const PROCESSES_QUERY =
  'query PortalProcesses($first: Int, $after: String, $search: String, $stage: TradingProcessStage) {' +
  ' tradingProcesses(first: $first, after: $after, search: $search, stage: $stage) {' +
  ' totalCount pageInfo { hasNextPage endCursor }' +
  ' edges { node { projectCode lotCode lotName projectName tradeType { name } buyer { name } stage amended cancelled noticeCount lastNoticeAt } } } }';

const MONEY = '{ amountWan }';

export const PROCESS_QUERY =
  'query PortalProcess($code: String!, $lot: String) { tradingProcess(projectCode: $code, lotCode: $lot) {' +
  ' projectCode lotCode lotName projectName tradeType { name procurement } buyer { name entity { uscc } } stage amended cancelled' +
  ' noticeCount firstNoticeAt lastNoticeAt contractValue ' + MONEY +
  ' awards { id status date value ' + MONEY + ' suppliers { id name } }' +
  ' contracts { id status value ' + MONEY + ' dateSigned period { startDate endDate } implementation { milestones { title status dateMet } } }' +
  ' notices { id title publishedAt sourceUrl noticeType { name type }' +
  '  tender { value ' + MONEY + ' procurementMethodDetails tenderPeriod { endDate } }' +
  '  awards { status value ' + MONEY + ' suppliers { name } } amendment { rationale } cancellation { reason status } } } }';

export const PPP_PROJECTS_QUERY =
  'query PortalPppProjects($first: Int, $after: String, $stage: String) {' +
  ' pppProjects(first: $first, after: $after, stage: $stage) { totalCount pageInfo { hasNextPage endCursor }' +
  ' edges { node { id title ... on PppProject { projNo stage { code name } location { city district }' +
  '  industry { primary secondary } totalInvestment initiatedOn } } } } }';

/** One project with its earlier versions: the stage history is read from them. */
export const PPP_PROJECT_QUERY =
  'query PortalPppProject($id: ID!) { disclosure(id: $id) { id title publishedAt updatedAt sourceUrl' +
  ' revisions { version validFrom snapshot }' +
  ' ... on PppProject { projNo stage { code name } location { province city district } industry { primary secondary }' +
  '  totalInvestment operateMode { name } returnMode { name } cooperationTermYears initiatedOn' +
  '  demonstration { isDemonstration listings { batch { name } level { name } } } procurementMethod { name }' +
  '  governmentParticipation { mode { name } equityRepresentative { name } equitySharePercent }' +
  '  implementingAgency { name uscc usccValid } partners { name uscc usccValid } contractSignedOn } } }';
