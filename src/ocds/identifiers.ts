/**
 * Identifiers of the export. An ocid is the registered prefix and the process's own identifier,
 * which for a trading process is its normalised project code (docs/standards/trading-ocds.md).
 */
export function ocidOf(prefix: string, projectCode: string): string {
  return `${prefix}-${projectCode}`;
}

/**
 * A release is one version of one notice. OCDS releases never change once published, so when the
 * platform corrects a notice (the store keeps a new version of the row) the correction is a new
 * release. The first version keeps the bare notice id, so that an amendment's amendsReleaseID (the
 * notice it amends) and a partner's cross-reference to the platform both name it directly.
 * Release ids must not contain '#' (a release URL appends the id as a fragment).
 */
export function releaseIdOf(noticeId: string, version: number): string {
  const id = noticeId.replace(/#/g, '%23');
  return version > 1 ? `${id}-v${version}` : id;
}
