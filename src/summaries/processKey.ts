/**
 * Which process a row or a request means: a project and one of its lots. A process is one lot
 * (标段/包) of a project; a project that is not divided is one process whose lot code is ''
 * (served as null), as the SQL groups it (stageSql.ts: LOT_CODE_SQL).
 */
export interface ProcessKey {
  projectCode: string;
  lotCode: string;
}

/** The key as one text, for DataLoader caches and maps. */
export function processKeyText(key: ProcessKey): string {
  return JSON.stringify([key.projectCode, key.lotCode]);
}
