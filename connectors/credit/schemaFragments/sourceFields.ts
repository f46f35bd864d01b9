import { Type } from '@sinclair/typebox';
import { Nullable } from '../../schemaTypes';

/**
 * Field shapes every credit feed shares. Blank optional fields arrive as "", null or absent, so
 * optional text is a string or null, and a code is checked only when it is not blank.
 */

/** An optional field of free text. */
export const optionalText = Nullable(Type.String());

/** A unified social credit code; blank is allowed, so the format applies to non-blank text only. */
export const usccOrBlank = Nullable(
  Type.String({
    description: 'A unified social credit code of 18 characters (0-9 and A-Z without I, O, S, V, Z), or blank',
    if: { type: 'string', pattern: '\\S' },
    then: { format: 'uscc' },
  }),
);

/** A mandatory text field: at least one character that is not white space. */
export function nonBlank(description: string) {
  return Type.String({ pattern: '\\S', description });
}

/** A value required by a rule (a removal's reason, a person's ID number): any non-blank text. */
export const nonBlankValue = nonBlank('A non-blank value');

/** What a field given but empty looks like: null, or nothing but white space. */
export const blank = Type.Union([Type.Null(), Type.String({ pattern: '^\\s*$' })]);

/** A rule that at least one of `fields` is given and not blank; `description` names them for the quarantine reason. */
export function atLeastOneGiven(description: string, fields: readonly string[]) {
  return { description, not: { properties: Object.fromEntries(fields.map((field) => [field, blank])) } };
}
