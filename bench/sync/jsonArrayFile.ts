import fs from 'node:fs';
import { once } from 'node:events';
import { DEFAULT_FEED_OPTIONS } from '../../samples/kit/feedServer';
import { SAMPLE_FEEDS } from '../harness/hubParts';
import { BENCH_STREAM } from './syncProcess';

/** Records per write: big enough that the write stream is no bottleneck, small enough to stay flat. */
const BATCH = 1000;

/**
 * Writes the first `scale` records of the benchmarked stream's sample feed as a JSON array, one
 * record a line: the dump a portal export gives, for `hub sync --file`. Every record is well-formed,
 * as on the feed server the other measurements read.
 */
export async function writeJsonArrayFile(file: string, scale: number): Promise<void> {
  const feed = SAMPLE_FEEDS.find((f) => f.path === `/${BENCH_STREAM}`);
  if (!feed) throw new Error(`no sample feed at /${BENCH_STREAM}: the JSON-array file cannot be written`);
  const options = { ...DEFAULT_FEED_OPTIONS, scale, malformedRate: 0 };
  const count = feed.count(options);
  if (count !== scale) throw new Error(`the ${BENCH_STREAM} sample feed holds ${count} records at scale ${scale}`);
  const out = fs.createWriteStream(file);
  try {
    out.write('[\n');
    for (let start = 0; start < count; start += BATCH) {
      const lines: string[] = [];
      for (let i = start; i < Math.min(start + BATCH, count); i++) lines.push(JSON.stringify(feed.record(i, options)));
      if (!out.write(`${start ? ',\n' : ''}${lines.join(',\n')}`)) await once(out, 'drain');
    }
    out.end('\n]\n');
    await once(out, 'finish');
  } finally {
    out.destroy();
  }
}
