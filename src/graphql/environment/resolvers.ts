import type { HubContext } from '../context';
import { scopedList } from '../disclosures/list';
import { latestAirQuality } from './latestAirQuality';
import { airQualityScope, emissionResultScope, pollutionWarningScope, waterSectionScope } from './scopes';
import type { ServedPollutionWarning } from './served';

/** Environmental monitoring (生态环境): the domain queries; records are served as mapped (served.ts). */
export const environmentResolvers = {
  Query: {
    airQuality: scopedList(airQualityScope),
    latestAirQuality: (_: unknown, __: unknown, ctx: HubContext) => latestAirQuality(ctx.knex),
    waterSections: scopedList(waterSectionScope),
    emissionResults: scopedList(emissionResultScope),
    pollutionWarnings: scopedList(pollutionWarningScope),
  },
  PollutionWarning: {
    episode: (warning: ServedPollutionWarning, _: unknown, ctx: HubContext) => ctx.loaders.environment.warningEpisodes.load(warning.episodeKey),
  },
  // Enum values as stored (the mapping's lower-case names).
  WarningLevel: { BLUE: 'blue', YELLOW: 'yellow', ORANGE: 'orange', RED: 'red' },
  WarningAction: { ISSUE: 'issue', ADJUST: 'adjust', LIFT: 'lift' },
  WaterParameter: { PH: 'ph', DO: 'do', CODMN: 'codmn', COD: 'cod', BOD5: 'bod5', NH3N: 'nh3n', TP: 'tp', TN: 'tn' },
  WaterBodyType: { RIVER: 'river', LAKE: 'lake' },
};
