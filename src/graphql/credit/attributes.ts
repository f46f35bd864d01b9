/**
 * Field resolvers that read a credit record's `attributes` (the unified model the credit connector
 * maps every source into). Only `attributes` is read: the `personal` column, where ID numbers are
 * kept for matching, is never selected by the API and never read here.
 */
type FieldResolver = (row: any) => unknown;

/** attributes.a.b.… — null when any step is missing. */
export function attributeAt(...path: string[]): FieldResolver {
  return (row) => {
    let value: any = row.attributes;
    for (const key of path) value = value?.[key];
    return value ?? null;
  };
}

/** A list-valued attribute: an empty list when the record has none. */
export function attributeList(name: string): FieldResolver {
  return (row) => {
    const value = row.attributes?.[name];
    return Array.isArray(value) ? value : [];
  };
}

/** Fields served under a different name than stored: { servedName: ['stored', 'path'] }. */
export function renamedAttributes(fields: Record<string, string[]>): Record<string, FieldResolver> {
  return Object.fromEntries(Object.entries(fields).map(([name, path]) => [name, attributeAt(...path)]));
}
