/** An entity as the API shows it: a stored enterprise, or a flagged code that links to nothing. */
export interface EntityView {
  uscc: string;
  name: string;
  usccValid: boolean;
  usccReason?: string | null;
}

/** A row of `entities`: its code passed its check when the engine stored it. */
export function storedEntity(row: { uscc: string; name: string }): EntityView {
  return { uscc: row.uscc, name: row.name, usccValid: true };
}

/** A code that fails its check, shown as the source named it; it links to no entity. */
export function flaggedEntity(uscc: string, name: string | null, reason: string | null): EntityView {
  return { uscc, name: name ?? '', usccValid: false, usccReason: reason };
}
