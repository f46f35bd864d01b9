/** The one operation the view sends: everything it draws, in one request. */

const RUN_FIELDS = 'id stream trigger status startedAt finishedAt durationMs fetched inserted updated unchanged quarantined removed error';

export const OPERATIONS_QUERY =
  'query OperationsView($days: Int, $lastRuns: Int) { operations {' +
  ' streams { feed { name connector stream domain schedule lastSuccessAt stale } nextFire openQuarantine' +
  '  lastRuns(first: $lastRuns) { ' + RUN_FIELDS + ' }' +
  '  lastFailure { id trigger startedAt finishedAt error } }' +
  ' runHistory(days: $days) { id stream status trigger startedAt durationMs fetched inserted updated unchanged quarantined } } }';
