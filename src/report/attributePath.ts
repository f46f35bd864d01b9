/**
 * SQL reading one attribute of `disclosures d` as text, by a path whose steps the attribute type
 * of the kind declares (src/domain/contract): renaming an attribute in the contract fails the type
 * check here instead of emptying a report cell. Steps are identifiers of the contract, never input.
 */
export function attributeText<A>(...path: AttributePath<A>): string {
  const steps = path as readonly string[];
  const last = steps[steps.length - 1];
  return `d.attributes${steps.slice(0, -1).map((s) => `->'${s}'`).join('')}->>'${last}'`;
}

type Key<T> = Extract<keyof NonNullable<T>, string>;

/** One or two steps into an attributes type: ['documentType'], ['decision', 'date']. */
export type AttributePath<A> = { [K in Key<A>]: [K] | { [L in Key<NonNullable<A>[K]>]: [K, L] }[Key<NonNullable<A>[K]>] }[Key<A>];
