import { isMalformed, type IndexedFeed } from '../kit/feed';
import { random } from '../kit/random';
import { projectPlan } from './plan';
import { stateAt } from './lifecycle';
import { sourceRecord } from './sourceRecord';
import { malform } from './malform';
import { firstPositionSince, projectAt } from './timeline';
import { PROJECTS_PATH } from '../../connectors/ppp/projects/record';

/**
 * The sample PPP project library of 石家庄市, as the library's API lists it: ascending by update
 * time, filtered by `since`. Later editions move projects through their stages, so a re-sync sees
 * revisions of the same projects rather than new ones (timeline.ts, lifecycle.ts).
 *
 * Malformation follows the project, not the position: a project moves in the list when it changes,
 * and a record that was bad in one edition must not turn up as a "new" valid one in the next.
 */
export const pppProjectsSample: IndexedFeed = {
  path: PROJECTS_PATH,
  count: (o) => o.scale,
  firstIndexSince: (since, o) => firstPositionSince(since, o),
  record(position, o) {
    const project = projectAt(position, o);
    const plan = projectPlan(project, o.seed);
    const record = sourceRecord(plan, stateAt(plan, o));
    return isMalformed(PROJECTS_PATH, project, o) ? malform(record, random(o.seed, 'malform', project).int(0, 4)) : record;
  },
};
