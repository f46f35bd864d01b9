import { Kind, Type, type SchemaOptions, type Static, type TSchema, type TUnsafe } from '@sinclair/typebox';

/**
 * The two JSON Schema shapes record schemas use that TypeBox has no builder for. TypeBox writes a
 * union of literals or of types as `anyOf`; the feeds' schemas write `enum` and a `type` list, and
 * ajv reports those as one error quoting the field's description, which quarantine reasons rely on.
 */

/** A string from a fixed list: `{ type: 'string', enum: [...] }`, typed as the union of the values. */
export function StringEnum<const Values extends readonly string[]>(values: Values, options?: SchemaOptions): TUnsafe<Values[number]> {
  return Type.Unsafe<Values[number]>({ ...options, type: 'string', enum: [...values] });
}

/** The schema, or null: its `type` becomes `[type, 'null']`, its other keywords stay as they are. */
export function Nullable<T extends TSchema & { type: string }>(schema: T): TUnsafe<Static<T> | null> {
  // TypeBox's kind symbol would otherwise tell TypeBox this is still a plain string or object.
  const { [Kind]: _kind, ...keywords } = schema;
  return Type.Unsafe<Static<T> | null>({ ...keywords, type: [schema.type, 'null'] });
}
