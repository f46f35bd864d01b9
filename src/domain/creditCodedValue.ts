/**
 * A decoded value of the credit-publicity templates: a stable code of the hub's unified model and
 * the canonical Chinese name. Sources write the same value in several ways (a name, a longer
 * name, a number some systems use), so the code is ours, not any one source's: that is what lets
 * two field generations, or two spellings, map to equal attributes.
 *
 * `code` is null when the source wrote a value the hub does not know; `name` then keeps the text as
 * written, so nothing is lost and the value can be added to a table later.
 */
export interface CodedValue<C extends string = string> {
  code: C | null;
  name: string;
}

/** A decoding table: every spelling a source writes, mapped to a code of the unified model. */
export type SpellingTable<C extends string> = Readonly<Record<string, C>>;

/**
 * Looks a value up by its spelling after the normalisation sources need: full-width digits and
 * letters to half-width, and no blanks anywhere ("法人及非法人组织 " and "０１" are common).
 */
export function lookUpSpelling<C extends string>(text: string, table: SpellingTable<C>): C | undefined {
  const key = normalizeSpelling(text);
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

export function normalizeSpelling(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/[\s\u3000]+/g, '');
}

/** Decodes with a table and the canonical names; an unknown spelling keeps its text and no code. */
export function decodeWith<C extends string>(
  text: string,
  table: SpellingTable<C>,
  names: Readonly<Record<C, string>>,
): CodedValue<C> {
  const code = lookUpSpelling(text, table);
  return code ? { code, name: names[code] } : { code: null, name: text.trim() };
}
