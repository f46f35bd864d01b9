import { formatChinaTime, httpPages, requireChinaTime, stream } from '../../../src/connectorKit';
import { PROJECTS_PATH } from './path';
import { pppProjectRecordSchema, type PppProjectRecord } from './schema';
import { projectToDisclosure } from './toDisclosure';

/**
 * The PPP project library: one record per project, changed in place as the project moves through
 * its stages. A stage change is a new revision of the same project, so the key is the project
 * alone and the cursor is the library's update time. The key is the platform's own project id
 * (projRid): it is what the platform's project page is addressed by, so the engine's source link
 * (city.sourceLinks.ppp, `…#/projectDetail/{key}`) opens the project.
 */
export const pppProjects = stream<PppProjectRecord>({
  name: 'projects',
  schema: pppProjectRecordSchema,
  // The platform writes its ids in lower-case hex; one form keeps a dump and the API one record.
  key: (r) => r.projRid.trim().toLowerCase(),
  // Canonical form, so "2026/1/5 9:00" from a dump and "2026-01-05 09:00:00" compare as one time.
  cursor: (r) => formatChinaTime(requireChinaTime(r.updateTime, 'updateTime')),
  source: httpPages({ path: PROJECTS_PATH, pageSize: 500, sinceParam: 'since', recordsField: 'data', totalField: 'total' }),
  // The library changes slowly and is entered by finance departments during office hours.
  schedule: '30 2 * * *',
  // A project entered late with an earlier update time is still read the next night.
  lookBackMs: 24 * 3600 * 1000,
  // A stage change restamps updateTime, so incremental runs see it; the weekly whole read is the
  // safety net for a project edited without a new stamp.
  reconcile: { schedule: '30 3 * * 0' },
  toDisclosure: projectToDisclosure,
});
