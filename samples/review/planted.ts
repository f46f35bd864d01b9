import { penalties } from '../../connectors/credit/penalties/stream';
import { penalties2016 } from '../../connectors/credit/penalties-2016/stream';
import { pppProjects } from '../../connectors/ppp/projects/stream';
import { tradingNotices } from '../../connectors/trading/notices/stream';
import { plantedPenalty, penaltiesSample } from '../credit/penalties';
import { plantedPenalty2016, penalties2016Sample } from '../credit/penalties2016';
import { isMalformed, type FeedOptions, type IndexedFeed } from '../kit/feed';
import { OVERVIEW_CATCHES, OVERVIEW_LOOK_ALIKES, projectOverview } from '../ppp/overview';
import { PROJECTS_PATH } from '../../connectors/ppp/projects/path';
import { projectPlan } from '../ppp/plan';
import { pppProjectsSample } from '../ppp/projects';
import { projectAt } from '../ppp/editions';
import { plantedNotice } from '../trading/reviewPlants';
import { tradingNoticesSample } from '../trading/notices';
import { plantAt, type CatchKind, type LookAlikeKind, type PlantedCase } from './schedule';

/**
 * What the sample feeds plant for the secrecy and privacy review (保密审查), computed from the same
 * options the feeds are served with: for every planted record, the stream, the key the hub stores
 * it under, whether the review must hold it (a catch) or publish it untouched (a look-alike), the
 * rule that holds it or that the look-alike imitates, and the planted span. Records the feed breaks
 * on purpose (isMalformed) are left out: they are quarantined before the review sees them.
 * test/unit/reviewPrecision.test.ts and the benchmark read it.
 */
export interface PlantedReviewCase {
  /** connector/stream, as the hub names streams. */
  stream: string;
  sourceKey: string;
  /** `held`: the review must hold the record. `published`: a look-alike, published as written. */
  expect: 'held' | 'published';
  /** The default rule's id (src/review/rules.ts) that holds it, or that the look-alike imitates. */
  rule: string;
  kind: CatchKind | LookAlikeKind;
  /** The planted span: what the finding must cover, or what must stay as written. */
  value: string;
  note: string;
}

/** The default rule each kind is for. A look-alike names the rule it must not trigger. */
const RULE_OF: Readonly<Record<CatchKind | LookAlikeKind, string>> = {
  'classification-mark': 'classification-mark',
  'commercial-secret': 'commercial-secret',
  'id-number': 'id-number',
  'bank-card': 'bank-card',
  passport: 'passport',
  'home-address': 'home-address',
  'id-wrong-check-digit': 'id-number',
  'id-impossible-birth-date': 'id-number',
  'card-failing-luhn': 'bank-card',
  'contract-number-like-mobile': 'mobile',
};

/** Where each stream puts each kind, for a reader of the list (and of the test's failures). */
const NOTES: Readonly<Record<string, Partial<Record<CatchKind | LookAlikeKind, string>>>> = {
  'credit/penalties': {
    'classification-mark': 'a mark (秘密★1年, 内部) from the internal case report at the head of the facts (CF_SY)',
    'home-address': 'the 当事人 paragraph of a decision on a natural person, with the home address, opening the facts',
    passport: 'the 当事人 paragraph of a decision on an overseas Chinese, with the passport number, opening the facts',
    'id-impossible-birth-date': 'look-alike: an 18-digit payment-slip number in the remarks (BZ) whose digits 7–14 are no date',
  },
  'credit/penalties-2016': {
    'home-address': 'the 当事人 paragraph of a decision on a natural person, with the home address, opening the facts (CF_SY)',
    'commercial-secret': 'the investigator’s note that the party’s file holds its 商业秘密/技术秘密, after the facts',
    'bank-card': 'the personal debit card (Luhn-valid, 19 digits) the money went through, after the facts',
    'card-failing-luhn': 'look-alike: the collection account (19 digits, fails Luhn) the fine was paid into, after the facts',
  },
  'trading/notices': {
    'id-number': 'a 产权交易 成交公告 naming a natural-person transferee with the ID number',
    passport: 'a 产权交易 成交公告 naming an overseas Chinese transferee with the passport number',
    'id-wrong-check-digit': 'look-alike: a 询价 correction quoting an 18-digit 备案编号 (division, date, sequence) whose last digit is not the check digit',
  },
  'ppp/projects': {
    'bank-card': 'the overview (项目概况) records the clerk’s personal debit card the preparation costs were refunded to',
    'commercial-secret': 'the overview goes on into the partner’s bid, marked 商业秘密',
    'classification-mark': 'the overview opens with the head of the internal memo it was copied from (内部资料, 秘密★1年)',
    'contract-number-like-mobile': 'look-alike: the overview quotes a consultancy contract whose number (合同编号：136…) has a mobile’s shape',
  },
};

interface PlantedStream {
  stream: string;
  feed: IndexedFeed;
  key: (record: never) => string;
  /** The record's plant: by feed index, or for PPP by the project at that position. */
  plantedAt(index: number, o: FeedOptions): PlantedCase | undefined;
  /** What isMalformed follows: the index, or the project behind it. */
  malformedKey(index: number, o: FeedOptions): number;
}

const STREAMS: readonly PlantedStream[] = [
  { stream: 'credit/penalties', feed: penaltiesSample, key: penalties.key, plantedAt: plantedPenalty, malformedKey: (index) => index },
  { stream: 'credit/penalties-2016', feed: penalties2016Sample, key: penalties2016.key, plantedAt: plantedPenalty2016, malformedKey: (index) => index },
  { stream: 'trading/notices', feed: tradingNoticesSample, key: tradingNotices.key, plantedAt: (index, o) => plantedNotice(index, o.seed), malformedKey: (index) => index },
  {
    stream: 'ppp/projects',
    feed: pppProjectsSample,
    key: pppProjects.key,
    plantedAt: (index, o) => {
      const project = projectAt(index, o);
      if (!plantAt(PROJECTS_PATH, project, o, OVERVIEW_CATCHES, OVERVIEW_LOOK_ALIKES)) return undefined;
      const { plant, value } = projectOverview(projectPlan(project, o.seed), o.seed);
      return plant && value !== undefined ? { plant, value } : undefined;
    },
    malformedKey: (index, o) => projectAt(index, o),
  },
];

/** Every planted record of the feeds served with these options, in feed order, stream by stream. */
export function plantedReviewCases(o: FeedOptions): PlantedReviewCase[] {
  const cases: PlantedReviewCase[] = [];
  for (const s of STREAMS) {
    for (let index = 0; index < s.feed.count(o); index++) {
      const planted = s.plantedAt(index, o);
      if (!planted || isMalformed(s.feed.path, s.malformedKey(index, o), o)) continue;
      const { plant, value } = planted;
      cases.push({
        stream: s.stream,
        sourceKey: s.key(s.feed.record(index, o) as never),
        expect: plant.expect,
        rule: RULE_OF[plant.kind],
        kind: plant.kind,
        value,
        note: NOTES[s.stream]?.[plant.kind] ?? plant.kind,
      });
    }
  }
  return cases;
}
