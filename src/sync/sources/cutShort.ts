/**
 * Text that stops part-way (a download that broke off, a copy that did not finish): what was read
 * is not a complete export with one bad last row, so nothing of the broken row is handed on. A
 * source over HTTP reads such an export again; a file cannot be, and its load fails.
 */
export class CutShortError extends Error {
  override name = 'CutShortError';
  constructor(
    /** The file or URL. */
    readonly where: string,
    /** Where it stops, e.g. "it ends part-way through row 1,001 (7 of its 20 columns)". */
    readonly detail: string,
  ) {
    super(`${where} is cut short: ${detail}`);
  }
}
