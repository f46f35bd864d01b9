import type { IndexedFeed } from '../kit/feed';
import { maybeMalformed, type Malformation } from '../kit/malformed';
import { entryAt, listedCount, powerEntry } from './listing';

const PATH = '/powers/power-list';

/** The columns of the 权力清单 download, as the list's page offers it. */
export const POWER_LIST_COLUMNS = ['事项编码', '事项名称', '职权类别', '实施主体', '实施主体编码', '行使层级', '设定依据', '区划代码', '更新日期'] as const;

/**
 * 权力清单: the city's and its districts' powers, one row each, as the list's page lets the public
 * download it: one UTF-8 CSV file with Chinese column names. A list, so a reader takes it whole and
 * a power no longer in it has left the list (listing.ts says which, edition by edition).
 */
export const powerListSample: IndexedFeed = {
  path: PATH,
  format: 'csv',
  encoding: 'utf-8',
  csvColumns: POWER_LIST_COLUMNS,
  count: listedCount,
  record(index, o) {
    const entry = entryAt(index, o);
    const p = powerEntry(entry, o);
    const row: Record<string, string> = {
      事项编码: p.code,
      事项名称: p.template.name,
      职权类别: p.template.category,
      实施主体: p.department.name,
      实施主体编码: p.department.code,
      行使层级: p.level,
      设定依据: p.template.basis,
      区划代码: p.department.division.code,
      更新日期: p.updated.toFormat('yyyy-MM-dd'),
    };
    // Keyed by entry, not feed index: a power is malformed (or not) in every edition alike.
    return maybeMalformed(row, PATH, entry, o, MALFORMATIONS);
  },
};

/** How rows of the download go wrong; each fails the record schema. */
const MALFORMATIONS: readonly Malformation[] = [
  // The category under its name before the 2015 reform of 行政审批.
  (bad) => void (bad.职权类别 = '非行政许可审批'),
  (bad) => void (bad.事项名称 = ''),
  (bad) => void (bad.设定依据 = ''),
  (bad) => void (bad.更新日期 = '2023-02-29'),
];
