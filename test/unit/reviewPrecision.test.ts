import { credit } from '../../connectors/credit';
import { environment } from '../../connectors/environment';
import { ppp } from '../../connectors/ppp';
import { trading } from '../../connectors/trading';
import { creditFeeds } from '../../samples/credit';
import { environmentFeeds } from '../../samples/environment';
import { pppFeeds } from '../../samples/ppp';
import { tradingFeeds } from '../../samples/trading';
import { isMalformed, type FeedOptions, type IndexedFeed } from '../../samples/kit/feed';
import { DEFAULT_FEED_OPTIONS } from '../../samples/kit/feedServer';
import { plantedReviewCases, type PlantedReviewCase } from '../../samples/review/planted';
import { CATCH_KINDS, LOOK_ALIKE_KINDS } from '../../samples/review/schedule';
import type { Finding } from '../../src/review/contract';
import { formatFieldPath } from '../../src/review/fieldPath';
import { createReviewer } from '../../src/review/reviewer';
import { DEFAULT_REVIEW_RULES } from '../../src/review/rules';
import { forEachServedText } from '../../src/review/servedTexts';
import { toDisclosureRow, type DisclosureRow } from '../../src/sync/normalize';
import type { CodedConnectorDefinition } from '../../src/sync/stream';
import { validatorFor } from '../../src/sync/validation';
import { MAPPING } from '../helpers/mapping';

/**
 * Precision of the review (保密审查) over the sample world: every sample record of every stream,
 * mapped as the engine maps it and reviewed with the default rules. The records the samples plant
 * (samples/review) must be held by their rule, with the finding on the planted span; the
 * look-alikes must be published untouched; and no other record may be held or masked, since the
 * samples are written as real offices write and a false hold is work for a reviewer and a record
 * kept from the public.
 */

const SCALE = 1000;
const options: FeedOptions = { ...DEFAULT_FEED_OPTIONS, scale: SCALE };
const review = createReviewer(DEFAULT_REVIEW_RULES);

interface Reviewed {
  stream: string;
  sourceKey: string;
  findings: Finding[];
  masked: number;
  /** The served texts of the reviewed row by field path: where a finding's offsets point. */
  texts: Map<string, string>;
}

const domains: Array<[CodedConnectorDefinition, readonly IndexedFeed[]]> = [
  [credit, creditFeeds],
  [trading, tradingFeeds],
  [ppp, pppFeeds],
  [environment, environmentFeeds],
];

/** Every valid record of every stream, mapped and reviewed; malformed ones are quarantined before the review. */
function reviewEverything(): Reviewed[] {
  const reviewed: Reviewed[] = [];
  for (const [connector, feeds] of domains) {
    connector.streams.forEach((stream, i) => {
      const feed = feeds[i];
      const name = `${connector.name}/${stream.name}`;
      const validate = validatorFor(stream.schema);
      for (let index = 0; index < feed.count(options); index++) {
        if (isMalformed(feed.path, index, options)) continue;
        const record = feed.record(index, options);
        if (validate(record).length > 0) continue;
        let row: DisclosureRow;
        try {
          const sourceKey = stream.key(record);
          row = toDisclosureRow(stream.toDisclosure(record, MAPPING), { domain: connector.domain, stream: name, sourceKey }, MAPPING);
        } catch {
          continue; // quarantined at the map stage
        }
        const outcome = review(row);
        reviewed.push({ stream: name, sourceKey: row.source_key, findings: outcome.findings, masked: outcome.masked, texts: servedTexts(outcome.row) });
      }
    });
  }
  return reviewed;
}

function servedTexts(row: DisclosureRow): Map<string, string> {
  const texts = new Map<string, string>();
  forEachServedText(row, (text, segments) => texts.set(formatFieldPath(segments), text));
  return texts;
}

const keyOf = (stream: string, sourceKey: string) => `${stream}|${sourceKey}`;

let reviewed: Reviewed[];
let planted: PlantedReviewCase[];
let byKey: Map<string, Reviewed>;

beforeAll(() => {
  reviewed = reviewEverything();
  planted = plantedReviewCases(options);
  byKey = new Map(reviewed.map((r) => [keyOf(r.stream, r.sourceKey), r]));
});

describe('the review over the sample world (default rules)', () => {
  it('plants about 1% catches and 0.3% look-alikes in the credit penalty, trading and PPP feeds, every kind at least once', () => {
    const streams = [...new Set(planted.map((c) => c.stream))].sort();
    expect(streams).toEqual(['credit/penalties', 'credit/penalties-2016', 'ppp/projects', 'trading/notices']);
    const catches = planted.filter((c) => c.expect === 'held');
    const lookAlikes = planted.filter((c) => c.expect === 'published');
    const records = streams.length * SCALE;
    expect(catches.length / records).toBeGreaterThan(0.007);
    expect(catches.length / records).toBeLessThan(0.012);
    expect(lookAlikes.length / records).toBeGreaterThan(0.002);
    expect(lookAlikes.length / records).toBeLessThan(0.004);
    expect(new Set(catches.map((c) => c.kind))).toEqual(new Set(CATCH_KINDS));
    expect(new Set(lookAlikes.map((c) => c.kind))).toEqual(new Set(LOOK_ALIKE_KINDS));
    // Every planted record is one the feed serves and the hub maps: none is lost before the review.
    for (const c of planted) expect([c.stream, c.sourceKey, byKey.has(keyOf(c.stream, c.sourceKey))]).toEqual([c.stream, c.sourceKey, true]);
  });

  it('names only rules the defaults have', () => {
    const ids = new Set(DEFAULT_REVIEW_RULES.map((rule) => rule.id));
    for (const c of planted) expect([c.kind, ids.has(c.rule)]).toEqual([c.kind, true]);
  });

  it('holds every planted catch by its rule, the finding on the planted span', () => {
    for (const c of planted.filter((p) => p.expect === 'held')) {
      const r = byKey.get(keyOf(c.stream, c.sourceKey))!;
      const onSpan = r.findings.filter((f) => f.rule === c.rule && coversValue(r, f, c.value));
      expect([c.stream, c.sourceKey, c.kind, onSpan.length > 0]).toEqual([c.stream, c.sourceKey, c.kind, true]);
    }
  });

  it('publishes every look-alike untouched: no finding, nothing masked', () => {
    for (const c of planted.filter((p) => p.expect === 'published')) {
      const r = byKey.get(keyOf(c.stream, c.sourceKey))!;
      expect([c.stream, c.sourceKey, c.kind, r.findings, r.masked]).toEqual([c.stream, c.sourceKey, c.kind, [], 0]);
      // The look-alike stands in a served text as written.
      expect([c.kind, [...r.texts.values()].some((text) => text.includes(c.value))]).toEqual([c.kind, true]);
    }
  });

  it('holds and masks nothing else: the sample texts raise no false finding', () => {
    const plantedKeys = new Set(planted.map((c) => keyOf(c.stream, c.sourceKey)));
    const wrongly = reviewed
      .filter((r) => !plantedKeys.has(keyOf(r.stream, r.sourceKey)) && (r.findings.length > 0 || r.masked > 0))
      .map((r) => ({ stream: r.stream, sourceKey: r.sourceKey, masked: r.masked, findings: r.findings.map((f) => `${f.rule} ${f.field}: ${f.excerpt}`) }));
    expect(wrongly).toEqual([]);
  });

  it('plants the same records for the same seed, and others for another', () => {
    const again = plantedReviewCases(options);
    expect(again).toEqual(planted);
    const other = plantedReviewCases({ ...options, seed: options.seed + 1 });
    expect(other.map((c) => c.sourceKey)).not.toEqual(planted.map((c) => c.sourceKey));
  });

  afterAll(() => {
    if (!reviewed || !planted) return;
    const catches = planted.filter((c) => c.expect === 'held');
    const lookAlikes = planted.filter((c) => c.expect === 'published');
    const caught = catches.filter((c) => byKey.get(keyOf(c.stream, c.sourceKey))?.findings.some((f) => f.rule === c.rule));
    const lookAlikesHeld = lookAlikes.filter((c) => (byKey.get(keyOf(c.stream, c.sourceKey))?.findings.length ?? 0) > 0);
    const plantedKeys = new Set(planted.map((c) => keyOf(c.stream, c.sourceKey)));
    const heldWrongly = reviewed.filter((r) => !plantedKeys.has(keyOf(r.stream, r.sourceKey)) && r.findings.length > 0);
    const maskedWrongly = reviewed.filter((r) => !plantedKeys.has(keyOf(r.stream, r.sourceKey)) && r.masked > 0);
    const byKind = [...CATCH_KINDS, ...LOOK_ALIKE_KINDS].map((kind) => `${kind} ${planted.filter((c) => c.kind === kind).length}`).join(', ');
    console.log(
      [
        `review precision over the samples (seed ${options.seed}, scale ${SCALE} per stream, default rules):`,
        `  records scanned ${reviewed.length} in ${new Set(reviewed.map((r) => r.stream)).size} streams`,
        `  planted catches ${catches.length}, caught ${caught.length}`,
        `  look-alikes ${lookAlikes.length}, held ${lookAlikesHeld.length}`,
        `  other records held wrongly ${heldWrongly.length}, masked wrongly ${maskedWrongly.length}`,
        `  by kind: ${byKind}`,
      ].join('\n'),
    );
  });
});

/** Whether a finding's span is the planted value or lies within it (a mark's span may take in its ★ period). */
function coversValue(r: Reviewed, f: Finding, value: string): boolean {
  const found = r.texts.get(f.field)?.slice(f.start, f.end) ?? '';
  return found.includes(value) || value.includes(found);
}
