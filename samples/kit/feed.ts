/**
 * A sample feed endpoint: records addressed by index, so a page is computed on demand and a feed of
 * a million records costs no memory. Each stream has one, in samples/<domain>/.
 */
export interface FeedOptions {
  seed: number;
  /** Records per stream. */
  scale: number;
  /** Share of records that are deliberately malformed (0–1): gives quarantine real work. */
  malformedRate: number;
  /** Edition of the data: a later edition corrects some records, as sources do. */
  edition: number;
  /**
   * The moment the feeds are served as of (epoch milliseconds). A live feed (a slotted feed whose
   * slots say when they are published) then ends with the newest records published by this moment
   * rather than running on from its calendar's start. Unset: every feed keeps its own calendar.
   */
  asOf?: number;
}

export interface IndexedFeed {
  /** URL path the feed is served at, e.g. `/environment/air-hourly`. */
  path: string;
  /** How many records the feed holds. */
  count(options: FeedOptions): number;
  /** The record at an index (0-based), in the source's own format. */
  record(index: number, options: FeedOptions): unknown;
  /** First index whose cursor is at or after `since`, for sources that filter by time. */
  firstIndexSince?(since: string, options: FeedOptions): number;
  /**
   * `json` (default): paged JSON `{total, page, pageSize, data, next}`. `csv`: one export file of
   * every record, with `csvColumns` as its header, in `encoding` (GBK for the 2016-era exports).
   */
  format?: 'json' | 'csv';
  csvColumns?: readonly string[];
  encoding?: 'utf-8' | 'gbk';
}

/** Whether record `index` of a feed is one of the deliberately malformed ones: tests count them. */
export function isMalformed(feedPath: string, index: number, options: FeedOptions): boolean {
  if (options.malformedRate <= 0) return false;
  // Spread evenly and deterministically: every ⌈1/rate⌉-th record, offset by the seed.
  const every = Math.max(1, Math.round(1 / options.malformedRate));
  return (index + options.seed) % every === every - 1;
}
