import type { IndexedFeed } from '../kit/feed';
import { maybeMalformed, type Malformation } from '../kit/malformed';
import { firstIndexAtOrAfter } from '../kit/timeline';
import { projectPlan } from './plan';
import { stateAt } from './lifecycle';
import { sourceRecord } from './sourceRecord';
import { positionTime, projectAt } from './editions';
import { PROJECTS_PATH } from '../../connectors/ppp/projects/path';
import type { PppProjectRecord } from '../../connectors/ppp/projects/schema';

/**
 * The sample PPP project library of 大庆市, as the library's API lists it: ascending by update
 * time, filtered by `since`. Later editions move projects through their stages, so a re-sync sees
 * revisions of the same projects rather than new ones (editions.ts, lifecycle.ts).
 *
 * Malformation follows the project, not the position: a project moves in the list when it changes,
 * and a record that was bad in one edition must not turn up as a "new" valid one in the next.
 */
export const pppProjectsSample: IndexedFeed = {
  path: PROJECTS_PATH,
  count: (o) => o.scale,
  firstIndexSince: (since, o) => firstIndexAtOrAfter(since, o.scale, (position) => positionTime(position, o)),
  record(position, o) {
    const project = projectAt(position, o);
    const plan = projectPlan(project, o.seed);
    return maybeMalformed(sourceRecord(plan, stateAt(plan, o)), PROJECTS_PATH, project, o, MALFORMATIONS);
  },
};

/** The ways real library records go wrong, each with the field it breaks. */
const BROKEN_FIELDS: ReadonlyArray<{ field: keyof PppProjectRecord; malformation: Malformation }> = [
  // A wrong type: an amount typed into a form as text.
  { field: 'investCount', malformation: (bad) => void (bad.investCount = 'abc') },
  // A code the library does not define.
  { field: 'operateMode', malformation: (bad) => void (bad.operateMode = typeof bad.operateMode === 'number' ? 12 : '12') },
  // The record's identity is missing.
  { field: 'projNo', malformation: (bad) => void delete bad.projNo },
  // An impossible value: a negative investment.
  { field: 'investCount', malformation: (bad) => void (bad.investCount = -Number(bad.investCount)) },
  // A date that does not exist.
  { field: 'startTime', malformation: (bad) => void (bad.startTime = '2016-02-30') },
];

const MALFORMATIONS = BROKEN_FIELDS.map((way) => way.malformation);

/** The fields the malformed records break: tests check the quarantine's reasons name one of them. */
export const MALFORMED_FIELDS: readonly string[] = [...new Set(BROKEN_FIELDS.map((way) => way.field))];
