import type { Knex } from 'knex';

/**
 * SQL text built once per statement shape. knex builds a statement's text anew each time it runs
 * one: every identifier quoted, every clause formatted, every nested query compiled. For an
 * enterprise page that was a quarter of the hub's CPU per request, for a list page a tenth, while
 * the text only changes when the statement's shape does (which filters, which fields), not when
 * its values do (which domain, which enterprise, which cursor).
 *
 * So a statement marked with `compiledOnce` is read as a shape and its values: the shape is
 * everything knex compiles (clauses, identifiers, raw SQL, nested queries) with each bound value
 * replaced by its type; the values are the bound values in the order they were met. The first
 * time a shape runs, knex compiles it with a marker object in place of each value, which says
 * where in the compiled bindings each value goes; from then on the statement's bindings are its
 * values put in those places, and the compiled text is reused as it is.
 *
 * Why this cannot serve one statement's text for another: the shape holds everything but the
 * values, and a value's type is part of it. The first compile of a shape is checked against an
 * ordinary compile of the same statement: a value knex writes into the text rather than binds, or
 * reads to decide the text, makes the two differ, and such a shape is never cached (nor is one
 * holding a callback knex calls while compiling, which the shape cannot see into). Under test
 * (NODE_ENV test) every reuse is also compiled the ordinary way and compared, so the whole suite
 * checks it.
 */
export function compiledOnce<Q extends Knex.QueryBuilder>(query: Q): Q {
  const builder = query as unknown as KnexBuilder;
  const compile = builder.toSQL;
  builder.toSQL = function toSQL(this: KnexBuilder) {
    return compiledFor(this, () => compile.call(this));
  };
  return query;
}

interface KnexBuilder {
  _method: string;
  _single: Record<string, unknown>;
  _statements: Array<Record<string, unknown>>;
  _options?: unknown[];
  _comments?: unknown[];
  _timeout?: number;
  toSQL(): CompiledQuery;
}

interface CompiledQuery {
  sql: string;
  bindings: unknown[];
  method: string;
  [other: string]: unknown;
}

/** A shape compiled once: its query object, and for each binding the value index that fills it (or a constant). */
interface Template {
  query: CompiledQuery;
  slots: Array<{ value: number } | { constant: unknown }>;
}

/** Shapes whose values cannot be told from their text (see above): compiled every time. */
const NOT_CACHEABLE = null;

const templates = new Map<string, Template | typeof NOT_CACHEABLE>();
/** Shapes are few (a page's filters and fields); the bound is a guard against a shape per value. */
const TEMPLATES_KEPT = 2000;

const VERIFY = process.env.NODE_ENV === 'test';

let nextUid = 0;

function compiledFor(builder: KnexBuilder, compile: () => CompiledQuery): CompiledQuery {
  const shape = shapeOf(builder);
  if (!shape) return compile();
  let template = templates.get(shape.key);
  if (template === undefined) {
    template = templateOf(shape, compile);
    if (templates.size >= TEMPLATES_KEPT) templates.clear();
    templates.set(shape.key, template);
  }
  if (template === NOT_CACHEABLE) return compile();
  const bindings = template.slots.map((slot) => ('value' in slot ? shape.values[slot.value].get() : slot.constant));
  const query: CompiledQuery = { ...template.query, bindings, __knexQueryUid: `hub-${++nextUid}` };
  if (VERIFY) assertSameAsCompiled(query, compile());
  return query;
}

/**
 * Compiles the shape with a marker in place of each value, to read where each value goes; and with
 * its own values, which must give the same text with those values in those places. A value knex
 * writes into the text (an identifier bound with ??) or reads to decide the text makes the two
 * differ: such a shape is compiled every time.
 */
function templateOf(shape: Shape, compile: () => CompiledQuery): Template | typeof NOT_CACHEABLE {
  const originals = shape.values.map((slot) => slot.get());
  shape.values.forEach((slot, i) => slot.set(new ValueMarker(i)));
  let marked: CompiledQuery;
  try {
    marked = compile();
  } finally {
    shape.values.forEach((slot, i) => slot.set(originals[i]));
  }
  const slots: Template['slots'] = marked.bindings.map((binding) => (binding instanceof ValueMarker ? { value: binding.index } : { constant: binding }));
  const template: Template = { query: { ...marked, bindings: [] }, slots };
  const own = compile();
  const filled = slots.map((slot) => ('value' in slot ? originals[slot.value] : slot.constant));
  return sameQuery({ ...marked, bindings: filled }, own) ? template : NOT_CACHEABLE;
}

/** Stands for one value while a shape compiles. */
class ValueMarker {
  constructor(readonly index: number) {}
}

/** A bound value where the builder keeps it: read now, replaced by a marker while the shape compiles. */
interface ValueSlot {
  get(): unknown;
  set(value: unknown): void;
}

interface Shape {
  key: string;
  values: ValueSlot[];
}

/** A callback knex would call while compiling: its clauses are not in the builder to read. */
class Opaque extends Error {}

function shapeOf(builder: KnexBuilder): Shape | null {
  const parts: string[] = [];
  const values: ValueSlot[] = [];
  try {
    builderShape(builder, parts, values);
  } catch (error) {
    if (error instanceof Opaque) return null;
    throw error;
  }
  return { key: parts.join('\u0001'), values };
}

function builderShape(builder: KnexBuilder, parts: string[], values: ValueSlot[]): void {
  parts.push('Q', builder._method, String(builder._timeout ?? ''));
  const single = builder._single;
  for (const key of Object.keys(single)) {
    parts.push(key);
    // A bound limit or offset is a value (the same shape for any page size); one written into the
    // text (plannedLimit) is part of the shape.
    const bound = !(single.skipBinding as Record<string, boolean> | undefined)?.[key];
    if ((key === 'limit' || key === 'offset') && typeof single[key] === 'number' && bound) valueSlot(single, key, parts, values);
    else anyShape(single[key], parts, values);
  }
  anyShape(builder._comments, parts, values);
  anyShape(builder._options, parts, values);
  for (const statement of builder._statements) statementShape(statement, parts, values);
}

/** Statements whose `value` knex binds: a comparison's operand, an IN list's members. */
const BOUND_VALUE_TYPES = new Set(['whereBasic', 'whereIn', 'havingBasic']);

function statementShape(statement: Record<string, unknown>, parts: string[], values: ValueSlot[]): void {
  parts.push('{');
  for (const key of Object.keys(statement)) {
    parts.push(key);
    const value = statement[key];
    if (key === 'value' && BOUND_VALUE_TYPES.has(statement.type as string)) {
      if (isBindable(value)) valueSlot(statement, key, parts, values);
      else if (Array.isArray(value) && value.every(isBindable)) {
        parts.push(`[${value.length}`);
        for (let i = 0; i < value.length; i++) valueSlot(value, i, parts, values);
      } else anyShape(value, parts, values);
    } else anyShape(value, parts, values);
  }
  parts.push('}');
}

function rawShape(raw: { sql: string; bindings?: unknown }, parts: string[], values: ValueSlot[]): void {
  parts.push('R', raw.sql);
  const { bindings } = raw;
  if (!Array.isArray(bindings)) return anyShape(bindings, parts, values);
  parts.push(`[${bindings.length}`);
  for (let i = 0; i < bindings.length; i++) {
    if (isBindable(bindings[i])) valueSlot(bindings, i, parts, values);
    else anyShape(bindings[i], parts, values);
  }
}

/** Anything else in a builder: its structure and every value, as part of the shape. */
function anyShape(value: unknown, parts: string[], values: ValueSlot[]): void {
  if (value === null || value === undefined || typeof value !== 'object') {
    if (typeof value === 'function') throw new Opaque();
    parts.push(typeof value === 'string' ? `s${value}` : String(value));
    return;
  }
  if (value instanceof Date) return void parts.push(`D${value.getTime()}`);
  if (Array.isArray(value)) {
    parts.push(`[${value.length}`);
    for (const item of value) anyShape(item, parts, values);
    return;
  }
  const object = value as Record<string, unknown>;
  if (Array.isArray(object._statements)) return builderShape(object as unknown as KnexBuilder, parts, values);
  if (typeof object.sql === 'string' && 'bindings' in object && 'client' in object) return rawShape(object as { sql: string; bindings?: unknown }, parts, values);
  if (Array.isArray(object.clauses)) return joinShape(object, parts, values);
  statementShape(object, parts, values);
}

/** A join's table and its ON clauses (columns, not values); `and` is the clause itself. */
function joinShape(join: Record<string, unknown>, parts: string[], values: ValueSlot[]): void {
  parts.push('J');
  for (const key of Object.keys(join)) {
    if (key === 'and') continue;
    parts.push(key);
    anyShape(join[key], parts, values);
  }
}

const isBindable = (value: unknown): boolean =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value instanceof Date;

function valueSlot(holder: Record<string, unknown> | unknown[], key: string | number, parts: string[], values: ValueSlot[]): void {
  const value = (holder as Record<string | number, unknown>)[key];
  parts.push(value instanceof Date ? '$date' : `$${typeof value}`);
  values.push({
    get: () => (holder as Record<string | number, unknown>)[key],
    set: (next) => ((holder as Record<string | number, unknown>)[key] = next),
  });
}

function sameQuery(a: CompiledQuery, b: CompiledQuery): boolean {
  const same = (x: unknown, y: unknown) => x === y || (x instanceof Date && y instanceof Date && x.getTime() === y.getTime());
  return a.sql === b.sql && a.method === b.method && a.bindings.length === b.bindings.length && a.bindings.every((x, i) => same(x, b.bindings[i]));
}

function assertSameAsCompiled(reused: CompiledQuery, compiled: CompiledQuery): void {
  if (sameQuery(reused, compiled)) return;
  throw new Error(`compiledOnce reused SQL that differs from a fresh compile:\n${reused.sql}\n${JSON.stringify(reused.bindings)}\nvs\n${compiled.sql}\n${JSON.stringify(compiled.bindings)}`);
}
