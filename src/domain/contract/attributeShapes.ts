import { Type, type SchemaOptions, type TSchema } from '@sinclair/typebox';

/**
 * The building blocks the domains' attribute shapes share (DomainContract.attributeShapes): a
 * field that may be null, and a calendar date as every contract stores one.
 */

/** The shape, or null; `options` (a description) go on the whole, as quarantine reasons quote it. */
export function orNull<T extends TSchema>(shape: T, options?: SchemaOptions) {
  return Type.Union([shape, Type.Null()], options);
}

/** A calendar date as YYYY-MM-DD; `description` says what it is, for quarantine reasons. */
export function isoDate(description?: string) {
  return Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', ...(description ? { description } : {}) });
}
