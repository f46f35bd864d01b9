import type { ConnectorDefinition, StreamDefinition } from './stream';

export interface SelectedStream {
  connector: ConnectorDefinition;
  stream: StreamDefinition;
}

export class UnknownStreamError extends Error {
  override name = 'UnknownStreamError';
}

/**
 * Resolves `connector` and `connector/stream` selectors; none selects every stream. An unknown name
 * is an error that lists what exists, so a typo is fixed in one look.
 */
export function selectStreams(connectors: readonly ConnectorDefinition[], selectors: string[] = []): SelectedStream[] {
  const all = connectors.flatMap((connector) => connector.streams.map((stream) => ({ connector, stream })));
  if (selectors.length === 0) return all;
  const chosen: SelectedStream[] = [];
  for (const selector of selectors) {
    const [connectorName, streamName] = selector.split('/');
    const matches = all.filter((s) => s.connector.name === connectorName && (!streamName || s.stream.name === streamName));
    if (matches.length === 0) {
      throw new UnknownStreamError(`no stream "${selector}"; known streams: ${all.map((s) => fullName(s)).join(', ')}`);
    }
    for (const m of matches) if (!chosen.includes(m)) chosen.push(m);
  }
  return chosen;
}

export function fullName(s: SelectedStream): string {
  return `${s.connector.name}/${s.stream.name}`;
}

/** A per-stream environment variable's name: `HUB_CRON` + environment/air-hourly → HUB_CRON_ENVIRONMENT_AIR_HOURLY. */
export function streamVariable(prefix: string, s: SelectedStream): string {
  return `${prefix}_${s.connector.name}_${s.stream.name}`.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}
