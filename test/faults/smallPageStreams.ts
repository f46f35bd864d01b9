import { CONNECTORS } from '../../connectors';
import { httpCsv, httpPages, type ConnectorDefinition, type StreamDefinition } from '../../src/connectorKit';

/**
 * The three shapes of source the engine reads, as the built-in streams declare them, but in pages
 * of 50 records instead of 500: a small sample scale then spans several pages, so a fault can land
 * after some pages are committed and before the last, which is where losing or doubling rows would
 * happen. Schema, key, cursor and mapping are the real streams' own.
 *
 * - environment/air-hourly: paged JSON, incremental, with a cursor and a look-back;
 * - credit/serious-violations: a paged snapshot list, where only a complete read may mark an entry
 *   removed;
 * - credit/penalties-2016: a GBK CSV export, one request for the whole file, read again from the
 *   start when it is cut short.
 */
export const PAGE_SIZE = 50;

const SMALL_PAGE_SOURCES: Record<string, StreamDefinition['source']> = {
  'environment/air-hourly': httpPages({ path: '/environment/air-hourly', pageSize: PAGE_SIZE, sinceParam: 'since' }),
  'credit/serious-violations': httpPages({ path: '/credit/serious-violations', pageSize: PAGE_SIZE }),
  'credit/penalties-2016': httpCsv({ path: '/credit/penalties-2016.csv', encoding: 'gbk', pageSize: PAGE_SIZE }),
};

export const FAULT_STREAMS = Object.keys(SMALL_PAGE_SOURCES);

/** Streams whose whole source is one request: a fault must be armed before it, not after a page. */
export const ONE_REQUEST_STREAMS = new Set(['credit/penalties-2016']);

/** The built-in connectors reduced to those streams, each reading smaller pages. */
export const SMALL_PAGE_CONNECTORS: ConnectorDefinition[] = CONNECTORS.map((connector) => ({
  ...connector,
  streams: connector.streams
    .filter((s) => SMALL_PAGE_SOURCES[`${connector.name}/${s.name}`])
    .map((s) => ({ ...s, source: SMALL_PAGE_SOURCES[`${connector.name}/${s.name}`] })),
})).filter((connector) => connector.streams.length > 0);

/** The status a snapshot stream gives an entry that left its list, by stream. */
export const REMOVED_STATUS: Record<string, string> = Object.fromEntries(
  SMALL_PAGE_CONNECTORS.flatMap((c) => c.streams.filter((s) => s.mode === 'snapshot').map((s) => [`${c.name}/${s.name}`, String(s.removedStatus)])),
);
