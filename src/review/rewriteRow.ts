import { contentHash, type DisclosureRow } from '../sync/normalize';
import { substituteSearchText, type Substitution } from './searchText';
import { withServedTexts } from './servedTexts';

/**
 * A row whose served texts review changed (a mask rule's masks, an admin's redaction): the texts
 * replaced, the same substitutions made in its search text, and its content hash computed again,
 * so the published version hashes as what it now is and a re-sync of the same source content
 * finds the same hash.
 */
export function rewriteServedTexts(row: DisclosureRow, replacements: ReadonlyMap<string, string>, substitutions: readonly Substitution[]): DisclosureRow {
  const next = withServedTexts(row, replacements);
  next.search_text = substituteSearchText(row.search_text, substitutions);
  const { content_hash: _previous, ...hashed } = next;
  next.content_hash = contentHash(hashed);
  return next;
}
