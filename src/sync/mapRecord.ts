import type { AnyDisclosureInput } from '../domain/contract';
import { toDisclosureRow, type DisclosureRow } from './normalize';
import type { ConnectorDefinition, MappingContext, StreamDefinition } from './stream';

/** The stream a record is mapped for, with its full name (`connector/stream`). */
export interface MappingTarget {
  connector: ConnectorDefinition;
  stream: StreamDefinition;
  name: string;
  /** The connector's own kinds as a set: built once per run, consulted per record. */
  ownKinds: ReadonlySet<string>;
  /** A manifest's mapping has no compiler: its attributes are checked against their kind's shape. */
  checkAttributeShapes: boolean;
}

export function mappingTarget(connector: ConnectorDefinition, stream: StreamDefinition): MappingTarget {
  return {
    connector,
    stream,
    name: `${connector.name}/${stream.name}`,
    ownKinds: new Set(connector.ownKinds ?? []),
    checkAttributeShapes: connector.manifestFile !== undefined,
  };
}

/**
 * One valid source record → its stored row: the stream's mapping, then the domain's contract. A
 * coded mapping's row comes back as it is; a manifest's, whose JSONata may be asynchronous, as a
 * promise. Either way a mapping that throws is the record's fault (quarantined at "map"), and a
 * ContractViolationError the stream's.
 */
export function mapRecord(target: MappingTarget, record: unknown, mapping: MappingContext): DisclosureRow | Promise<DisclosureRow> {
  const toRow = (input: AnyDisclosureInput) =>
    toDisclosureRow(input, { domain: target.connector.domain, stream: target.name, sourceKey: target.stream.key(record), ownKinds: target.ownKinds, checkAttributeShapes: target.checkAttributeShapes }, mapping);
  const mapped = target.stream.toDisclosure(record, mapping);
  return mapped instanceof Promise ? mapped.then(toRow) : toRow(mapped);
}
