import cron from 'node-cron';
import type { CitySetting } from '../config/city';
import { removedStatusViolation, type AnyDisclosureInput, type DisclosureInput, type Domain, type StoredStatus } from '../domain/contract';
import type { Source } from './sources/source';

/**
 * A stream is a declaration: what one source record looks like, how to identify it, where its
 * incremental position is, where to read it and how it maps to the unified model. The engine
 * (engine.ts) does the work: paging, retries, validation, quarantine, change detection, revisions,
 * batching and checkpoints.
 */
export interface StreamDefinition<R = any> {
  /** Unique within its connector; the stream's full name is `<connector>/<name>`. */
  name: string;
  /** JSON Schema of one source record, as the source writes it. */
  schema: object;
  /** The source's own identity for the record. */
  key: (record: R) => string;
  /**
   * Incremental position, ascending in the source. Without it every run reads everything. A record
   * without a position (undefined) does not move the cursor.
   */
  cursor?: (record: R) => string | undefined;
  /** How to read pages of records. */
  source: Source;
  /**
   * Source record → unified disclosure. Throwing (or rejecting) quarantines the record at the "map"
   * stage. A coded stream maps synchronously; a manifest's JSONata may answer with a promise.
   */
  toDisclosure: (record: R, context: MappingContext) => AnyDisclosureInput | Promise<AnyDisclosureInput>;
  /**
   * `incremental` (default): records only ever arrive or change. `snapshot`: the source lists
   * what is current (e.g. an abnormal-operations list); a record missing from a complete read gets
   * `removedStatus` — a status change, never a deletion.
   */
  mode?: 'incremental' | 'snapshot';
  removedStatus?: StoredStatus;
  /** Cron expression (Asia/Shanghai) for the scheduler. */
  schedule?: string;
  /** How far before the committed cursor an incremental run starts reading, in ms. */
  lookBackMs?: number;
  /**
   * A periodic re-read that finds what incremental runs cannot: corrections to records older than
   * the look-back, and records the source published late with an old cursor. Without it a stream
   * gets DEFAULT_RECONCILE (src/sync/reconcileSetting.ts); `'off'` schedules none. Only for
   * incremental streams with a cursor: the others are read whole on every run already.
   */
  reconcile?: ReconcileDeclaration | 'off';
}

export interface ReconcileDeclaration {
  /** Cron expression (Asia/Shanghai) of the re-read. */
  schedule: string;
  /**
   * Re-read only the records of the last N days before the committed cursor (the source's newest
   * record, not the clock); omitted: re-read the whole source.
   */
  windowDays?: number;
}

/**
 * What a deployment tells every mapping: the city it serves, so a record's region is one of that
 * city's divisions whatever the feed wrote. The engine passes it; a mapping never imports it.
 */
export interface MappingContext {
  city: CitySetting;
}

export type { DisclosureInput };

export interface ConnectorDefinition {
  name: string;
  /** The domain whose stored contract (src/domain/contract) every record of its streams must keep. */
  domain: Domain;
  streams: StreamDefinition[];
  /**
   * Kinds this connector writes that no domain contract declares: a manifest's own kinds, served
   * as GenericDisclosure. A coded connector writes only its domain's kinds and leaves this out.
   */
  ownKinds?: readonly string[];
  /** Where the connector was declared, when it is a manifest: `hub connectors list` shows it. */
  manifestFile?: string;
}

/**
 * A coded stream: its mapping writes a kind whose attributes tsc checks (AttributesByKind), at
 * once, and its cursor gives every record a position.
 */
export type CodedStreamDefinition<R> = Omit<StreamDefinition<R>, 'toDisclosure' | 'cursor'> & {
  toDisclosure: (record: R, context: MappingContext) => DisclosureInput;
  cursor?: (record: R) => string;
};

/** A coded connector: its streams are coded ones. */
export type CodedConnectorDefinition = Omit<ConnectorDefinition, 'streams'> & { streams: Array<CodedStreamDefinition<any>> };

export function stream<R>(definition: CodedStreamDefinition<R>): CodedStreamDefinition<R> {
  const problem = streamDeclarationProblem(definition);
  if (problem) throw new Error(problem);
  return definition;
}

/** What is wrong with a stream's declaration, coded or a manifest's, or undefined. */
export function streamDeclarationProblem(definition: Pick<StreamDefinition, 'name' | 'mode' | 'removedStatus' | 'cursor' | 'reconcile' | 'schedule'>): string | undefined {
  if (!/^[a-z][a-z0-9-]*$/.test(definition.name)) return `stream name "${definition.name}" must be lower-case letters, digits and dashes`;
  if (definition.mode === 'snapshot' && !definition.removedStatus) {
    return `snapshot stream "${definition.name}" needs a removedStatus for records that leave the list`;
  }
  if (definition.schedule && !cron.validate(definition.schedule)) {
    return `stream "${definition.name}": schedule "${definition.schedule}" is not a cron expression; write e.g. "0 6 * * *" (daily at 06:00)`;
  }
  const reconcileProblem = definition.reconcile && definition.reconcile !== 'off' && reconcileDeclarationProblem(definition, definition.reconcile);
  return reconcileProblem ? `stream "${definition.name}": ${reconcileProblem}` : undefined;
}

/**
 * Why a stream is read whole on every run (a snapshot, or no cursor to read from), or undefined
 * for an incremental stream. A stream read whole has nothing a reconciliation could add.
 */
export function readsWholeEveryRun(definition: Pick<StreamDefinition, 'mode' | 'cursor'>): string | undefined {
  if (definition.mode === 'snapshot') return 'a snapshot stream: every run reads the whole list';
  if (!definition.cursor) return 'a stream without a cursor: every run reads the whole source';
  return undefined;
}

function reconcileDeclarationProblem(definition: Pick<StreamDefinition, 'mode' | 'cursor'>, reconcile: ReconcileDeclaration): string | undefined {
  const whole = readsWholeEveryRun(definition);
  if (whole) return `declares a reconciliation but is ${whole}, so it would read everything twice; remove "reconcile"`;
  if (!cron.validate(reconcile.schedule)) return `reconcile.schedule "${reconcile.schedule}" is not a cron expression; write e.g. "0 3 * * 0" (Sundays at 03:00)`;
  const days = reconcile.windowDays;
  if (days !== undefined && !(Number.isInteger(days) && days > 0)) return `reconcile.windowDays must be a whole number of days above 0, got ${days}; omit it to re-read everything`;
  return undefined;
}

/** Checks a coded connector's streams together. */
export function connector(definition: CodedConnectorDefinition): CodedConnectorDefinition {
  const names = new Set<string>();
  for (const s of definition.streams) {
    if (names.has(s.name)) throw new Error(`connector "${definition.name}" declares stream "${s.name}" twice`);
    const violation = s.removedStatus && removedStatusViolation(definition.domain, s.removedStatus);
    if (violation) throw new Error(`stream "${definition.name}/${s.name}": ${violation}`);
    names.add(s.name);
  }
  return definition;
}
