import { formatChinaTime, parseChinaTime } from '../domain/chinaTime';
import { httpCsv } from '../sync/sources/httpCsv';
import { httpPages } from '../sync/sources/httpPages';
import type { Source } from '../sync/sources/source';
import type { StreamDefinition } from '../sync/stream';
import type { CompiledExpression } from './expression';
import { manifestToDisclosure, type CompiledMapping } from './manifestMapping';
import type { ManifestSource, ManifestStream } from './manifestShape';

/** What loading checked and compiled for one stream of a manifest. */
export interface CompiledStream {
  declared: ManifestStream;
  recordSchema: object;
  key: CompiledExpression;
  cursor?: CompiledExpression;
  mapping: CompiledMapping;
}

/**
 * A manifest stream as the engine's stream declaration: from here on the engine cannot tell it from
 * a coded one (validation, quarantine, review, revisions, checkpoints, scheduling all apply).
 */
export function manifestStream(compiled: CompiledStream): StreamDefinition {
  const { declared } = compiled;
  return {
    name: declared.name,
    schema: compiled.recordSchema,
    key: keyOf(compiled.key),
    cursor: compiled.cursor && cursorOf(compiled.cursor),
    source: sourceOf(declared.source),
    toDisclosure: manifestToDisclosure(compiled.mapping),
    mode: declared.mode,
    removedStatus: declared.removedStatus,
    schedule: declared.schedule,
    lookBackMs: declared.lookBackHours === undefined ? undefined : declared.lookBackHours * 3600 * 1000,
    reconcile: declared.reconcile,
  };
}

/** The key as text; a record without one cannot be stored (it is quarantined, naming the expression). */
function keyOf(expression: CompiledExpression): (record: unknown) => string {
  const evaluate = expression.quick!;
  return (record) => {
    const value = evaluate(record);
    if ((typeof value !== 'string' && typeof value !== 'number') || String(value).trim() === '') {
      throw new Error(`key (${expression.text}) gave ${value === undefined ? 'nothing' : JSON.stringify(value)}; every record needs a key`);
    }
    return String(value);
  };
}

/**
 * The cursor as text, a date-time in one canonical form (2026/1/5 9:00 and 2026-01-05 09:00:00 are
 * one position). A record without one does not move the cursor: its schema is what requires it.
 */
function cursorOf(expression: CompiledExpression): (record: unknown) => string | undefined {
  const evaluate = expression.quick!;
  return (record) => {
    const value = evaluate(record);
    if (typeof value !== 'string' && typeof value !== 'number') return undefined;
    const text = String(value);
    const time = parseChinaTime(text);
    return time ? formatChinaTime(time) : text;
  };
}

function sourceOf(source: ManifestSource): Source {
  if (source.format === 'csv') return httpCsv({ path: source.path, pageSize: source.pageSize, encoding: source.encoding });
  const { format: _format, ...paging } = source;
  return httpPages(paging);
}
