import type { Knex } from 'knex';
import { reviewSummary } from '../review/store';
import { selectStreams, fullName } from '../sync/selection';
import type { ConnectorDefinition } from '../sync/stream';
import type { ReviewFigures } from './metrics';

/**
 * The review gauges' figures from the store: every stream the hub syncs is listed, with 0 when
 * nothing of it is held, so a stream's series does not vanish when its queue empties.
 */
export function reviewFigures(knex: Knex, connectors: readonly ConnectorDefinition[]): () => Promise<ReviewFigures> {
  const streams = selectStreams(connectors).map(fullName);
  return async () => {
    const summary = await reviewSummary(knex);
    const held = new Map(summary.byStream.map((s) => [s.stream, s.held]));
    const names = [...new Set([...streams, ...held.keys()])];
    return { heldByStream: names.map((stream) => ({ stream, held: held.get(stream) ?? 0 })), oldestHeldAt: summary.oldestHeldAt };
  };
}
