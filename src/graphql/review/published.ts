import type { HubContext } from '../context';
import { createDisclosureLoaders } from '../disclosures/loaders';

/** One loader per request, on the primary: built only when a request asks for a published version. */
const loaders = new WeakMap<HubContext, ReturnType<typeof createDisclosureLoaders>>();

/**
 * A review item's published version, read from the primary like every admin field: the version a
 * decision has just published may not have reached a read replica yet. Batched per request, so a
 * queue page costs one query however many items it lists.
 */
export function publishedDisclosure(ctx: HubContext, id: number) {
  let perRequest = loaders.get(ctx);
  if (!perRequest) loaders.set(ctx, (perRequest = createDisclosureLoaders(ctx.primary)));
  return perRequest.byId.load(id);
}
