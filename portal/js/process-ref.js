/**
 * How a link names one contracting process (#process=<ref>): a project's code, and its lot's when
 * the project is divided into lots, each of which is a process of its own.
 *
 * An undivided project's ref is its code as it is, so that links made before lots were named still
 * open. A lot's ref is `<code>/<lot>`, each part URI-encoded, so a '/' in either is %2F and the
 * one bare '/' separates them; an undivided project whose code has a '/' is written that way too,
 * with an empty lot.
 */
export function processRef(process) {
  const lot = process.lotCode || '';
  if (!lot && process.projectCode.indexOf('/') < 0) return process.projectCode;
  return encodeURIComponent(process.projectCode) + '/' + encodeURIComponent(lot);
}

/** The process a ref names: { code, lot }, lot null for an undivided project; null when the ref does not decode. */
export function parseProcessRef(ref) {
  const slash = ref.indexOf('/');
  if (slash < 0) return { code: ref, lot: null };
  try {
    return { code: decodeURIComponent(ref.slice(0, slash)), lot: decodeURIComponent(ref.slice(slash + 1)) || null };
  } catch {
    return null;
  }
}

/** How a lot is shown: 第一标段（DQJS-001）, or its code alone when it has no name. */
export function lotText(process) {
  return process.lotName ? process.lotName + '（' + process.lotCode + '）' : process.lotCode;
}
