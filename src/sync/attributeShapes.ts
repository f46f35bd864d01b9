import { DOMAIN_CONTRACTS, type AnyDisclosureInput } from '../domain/contract';
import { validatorFor } from './validation';

/** One compiled check per kind that declares a shape: built once, run for every record of it. */
const CHECKS = new Map<string, (attributes: unknown) => Array<{ path: string; message: string }>>();
for (const contract of Object.values(DOMAIN_CONTRACTS)) {
  for (const [kind, shape] of Object.entries(contract.attributeShapes ?? {})) if (shape) CHECKS.set(kind, validatorFor(shape));
}

/**
 * Why a mapped record's attributes miss the shape its kind declares (DomainContract.attributeShapes),
 * or null. Kinds that manifests may write declare one: the readers of those kinds (a served type,
 * a coverage query, the annual report) rely on the attributes, and a manifest has no compiler to
 * hold it to them. A problem names each field, so the quarantine says which expression to fix.
 */
export function attributeShapeProblem(input: Pick<AnyDisclosureInput, 'kind' | 'attributes'>): string | null {
  const check = CHECKS.get(input.kind);
  if (!check) return null;
  const errors = check(input.attributes);
  if (errors.length === 0) return null;
  const listed = errors.map((e) => `attributes${e.path.replace(/\//g, '.')}: ${e.message}`).join('; ');
  return `the mapped attributes do not fit a "${input.kind}": ${listed}`;
}
