import type { FeedOptions, IndexedFeed } from '../kit/feed';
import { maybeMalformed, type Malformation } from '../kit/malformed';
import { random } from '../kit/random';
import { ACCOUNTABILITY, DUTIES } from './catalogue';
import { entryAt, listedCount, powerEntry } from './listing';

const PATH = '/powers/duty-list';

/** About one duty in twenty was exported without its power's code: the clerk left 权力编码 empty. */
const WITHOUT_POWER_CODE = 0.05;
/** About one in eight was listed before its 追责情形 was written. */
const WITHOUT_ACCOUNTABILITY = 0.12;

/**
 * 责任清单: the duties that go with each power of the power list, from the list system's query
 * interface (paged JSON, pinyin-initial field names). The duties are one text, a line each, as
 * the system stores them; 追责情形 likewise. A list: read whole; the duty of a power that leaves
 * the power list leaves this one too.
 */
export const dutyListSample: IndexedFeed = {
  path: PATH,
  count: listedCount,
  record(index, o) {
    const entry = entryAt(index, o);
    return maybeMalformed(dutyRecord(entry, o), PATH, entry, o, MALFORMATIONS);
  },
};

function dutyRecord(entry: number, o: FeedOptions): Record<string, string> {
  const p = powerEntry(entry, o);
  const r = random(o.seed, PATH, entry);
  return {
    zrsxbm: `ZR-${p.code}`,
    sxmc: p.template.name,
    qlbm: r.chance(WITHOUT_POWER_CODE) ? '' : p.code,
    zqlb: p.template.category,
    zrzt: p.department.name,
    zrztbm: p.department.code,
    zrnr: DUTIES[p.template.category].join('\n'),
    zzqx: r.chance(WITHOUT_ACCOUNTABILITY) ? '' : ACCOUNTABILITY,
    qhdm: p.department.division.code,
    gxrq: p.updated.toFormat('yyyy-MM-dd'),
  };
}

/** How the interface's records go wrong: the first three fail the record schema, the last the duty shape. */
const MALFORMATIONS: readonly Malformation[] = [
  (bad) => void delete bad.zrsxbm,
  (bad) => void (bad.gxrq = '2022-13-01'),
  (bad) => void (bad.zqlb = null),
  // Duties of blank lines only: the text is there, but it lists no duty.
  (bad) => void (bad.zrnr = '\n \n'),
];
