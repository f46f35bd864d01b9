import type { Knex } from 'knex';
import { assertSameAsBuilt, sameQuery, type CompiledQuery } from './compiledQuery';

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
  /** The knex client the builder compiles with: its dialect writes the text. */
  client: object;
  toSQL(): CompiledQuery;
}

/**
 * A shape compiled once: its query object, and for each binding where it comes from: a value's
 * index (0 and up) or a constant's (-1 and down: the constant at -1 - slot).
 */
interface Template {
  query: CompiledQuery;
  slots: number[];
  constants: unknown[];
}

/** Shapes whose values cannot be told from their text (see above): compiled every time. */
const NOT_CACHEABLE = null;

/** Templates by the hash of their shape's parts; each entry keeps the parts to tell collisions apart. */
const templates = new Map<number, Array<{ parts: number[]; template: Template | typeof NOT_CACHEABLE }>>();
let templateCount = 0;
/** Shapes are few (a page's filters and fields); the bound is a guard against a shape per value. */
const TEMPLATES_KEPT = 2000;

const VERIFY = process.env.NODE_ENV === 'test';

let nextUid = 0;

/**
 * The text of marked statements built anew every time (a value knex writes into the text, a
 * callback): a statement that falls here silently loses what marking it was for, so tests hold the
 * portal's hot statements to none (test/e2e/directQueries.test.ts). A few are kept, not all.
 */
const builtEveryTime = new Set<string>();
const BUILT_EVERY_TIME_KEPT = 100;

export function statementsBuiltEveryTime(): string[] {
  return [...builtEveryTime];
}

function compiledEveryTime(compile: () => CompiledQuery): CompiledQuery {
  const query = compile();
  if (builtEveryTime.size < BUILT_EVERY_TIME_KEPT) builtEveryTime.add(query.sql);
  return query;
}

function compiledFor(builder: KnexBuilder, compile: () => CompiledQuery): CompiledQuery {
  const shape = shapeOf(builder);
  if (!shape) return compiledEveryTime(compile);
  const hash = hashOf(shape.parts);
  let template = templateFor(hash, shape);
  if (template === undefined) {
    template = templateOf(shape, compile);
    keep(hash, shape, template);
  }
  if (template === NOT_CACHEABLE) return compiledEveryTime(compile);
  const query: CompiledQuery = { ...template.query, bindings: bindingsOf(template, shape), __knexQueryUid: `hub-${++nextUid}` };
  if (VERIFY) assertSameAsBuilt('compiledOnce', query, compile());
  return query;
}

function templateFor(hash: number, shape: Shape): Template | typeof NOT_CACHEABLE | undefined {
  const bucket = templates.get(hash);
  return bucket?.find((entry) => samePartsAs(entry.parts, shape.parts))?.template;
}

function keep(hash: number, shape: Shape, template: Template | typeof NOT_CACHEABLE): void {
  if (templateCount >= TEMPLATES_KEPT || interned.size >= PARTS_KEPT) {
    // This shape was numbered by the parts just forgotten: the next one like it starts afresh.
    forgetShapes();
    return;
  }
  const bucket = templates.get(hash) ?? [];
  bucket.push({ parts: shape.parts, template });
  templates.set(hash, bucket);
  templateCount++;
}

function forgetShapes(): void {
  templates.clear();
  interned.clear();
  templateCount = 0;
}

function hashOf(parts: readonly number[]): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < parts.length; i++) hash = Math.imul(hash ^ parts[i], 0x01000193);
  return hash;
}

function samePartsAs(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function bindingsOf(template: Template, shape: Shape): unknown[] {
  const { slots, constants } = template;
  const bindings = new Array(slots.length);
  for (let i = 0; i < slots.length; i++) bindings[i] = slots[i] >= 0 ? valueAt(shape, slots[i]) : constants[-1 - slots[i]];
  return bindings;
}

/**
 * Compiles the shape with a marker in place of each value, to read where each value goes; and with
 * its own values, which must give the same text with those values in those places. A value knex
 * writes into the text (an identifier bound with ??) or reads to decide the text makes the two
 * differ: such a shape is compiled every time.
 */
function templateOf(shape: Shape, compile: () => CompiledQuery): Template | typeof NOT_CACHEABLE {
  const originals = shape.holders.map((_, i) => valueAt(shape, i));
  originals.forEach((_, i) => setValueAt(shape, i, new ValueMarker(i)));
  let marked: CompiledQuery;
  try {
    marked = compile();
  } finally {
    originals.forEach((value, i) => setValueAt(shape, i, value));
  }
  const constants: unknown[] = [];
  const slots = marked.bindings.map((binding) => (binding instanceof ValueMarker ? binding.index : -1 - (constants.push(binding) - 1)));
  const template: Template = { query: { ...marked, bindings: [] }, slots, constants };
  return sameQuery({ ...marked, bindings: bindingsOf(template, shape) }, compile()) ? template : NOT_CACHEABLE;
}

/** Stands for one value while a shape compiles. */
class ValueMarker {
  constructor(readonly index: number) {}
}

/**
 * A statement read as its shape (numbered parts) and its values, each where the builder keeps it: the
 * value `holders[i][keys[i]]`, replaced by a marker while the shape compiles. Kept as two arrays,
 * not a closure per value: this runs on every request.
 */
interface Shape {
  /** The shape's parts (names, SQL text, values' types), each as its number in `interned`. */
  parts: number[];
  holders: Array<Record<string | number, unknown>>;
  keys: Array<string | number>;
}

const valueAt = (shape: Shape, i: number): unknown => shape.holders[i][shape.keys[i]];
const setValueAt = (shape: Shape, i: number, value: unknown): void => void (shape.holders[i][shape.keys[i]] = value);

/** A callback knex would call while compiling: its clauses are not in the builder to read. */
class Opaque extends Error {}

/**
 * Every distinct part a shape has had, numbered: a shape is then an array of small integers,
 * compared and hashed without building a text of the whole statement on each request.
 */
const interned = new Map<unknown, number>();
const PARTS_KEPT = 100_000;
/** Parts that are not text from the builder: what kind of thing follows, or a value's type. */
const QUERY = Symbol('query');
const LIST = Symbol('list');
const RAW = Symbol('raw');
const OPEN = Symbol('{');
const CLOSE = Symbol('}');
const JOIN = Symbol('join');
/** A date that is part of the shape (not a bound value) is kept as its time, after this prefix. */
const DATE = '\u0001date:';
const VALUE_TYPES: Record<string, symbol> = {
  string: Symbol('string value'),
  number: Symbol('number value'),
  boolean: Symbol('boolean value'),
  bigint: Symbol('bigint value'),
  date: Symbol('date value'),
};

function part(shape: Shape, value: unknown): void {
  let id = interned.get(value);
  if (id === undefined) interned.set(value, (id = interned.size));
  shape.parts.push(id);
}

function shapeOf(builder: KnexBuilder): Shape | null {
  const shape: Shape = { parts: [], holders: [], keys: [] };
  // The same clauses may be written otherwise by another kind of client.
  part(shape, builder.client.constructor);
  try {
    builderShape(builder, shape);
  } catch (error) {
    if (error instanceof Opaque) return null;
    throw error;
  }
  return shape;
}

function builderShape(builder: KnexBuilder, shape: Shape): void {
  part(shape, QUERY);
  part(shape, builder._method);
  part(shape, builder._timeout);
  const single = builder._single;
  const unbound = single.skipBinding as Record<string, boolean> | undefined;
  for (const key of Object.keys(single)) {
    part(shape, key);
    const value = single[key];
    // A bound limit or offset is a value (the same shape for any page size); one written into the
    // text (plannedLimit) is part of the shape.
    if ((key === 'limit' || key === 'offset') && typeof value === 'number' && !unbound?.[key]) valueSlot(single, key, shape);
    else anyShape(value, shape);
  }
  anyShape(builder._comments, shape);
  anyShape(builder._options, shape);
  const statements = builder._statements;
  for (let i = 0; i < statements.length; i++) statementShape(statements[i], shape);
}

/** Statements whose `value` knex binds: a comparison's operand, an IN list's members. */
const BOUND_VALUE_TYPES = new Set(['whereBasic', 'whereIn', 'havingBasic']);

function statementShape(statement: Record<string, unknown>, shape: Shape): void {
  part(shape, OPEN);
  const bindsValue = BOUND_VALUE_TYPES.has(statement.type as string);
  for (const key of Object.keys(statement)) {
    part(shape, key);
    const value = statement[key];
    if (key !== 'value' || !bindsValue) anyShape(value, shape);
    else if (isBindable(value)) valueSlot(statement, key, shape);
    else if (Array.isArray(value) && value.every(isBindable)) {
      part(shape, LIST);
      part(shape, value.length);
      for (let i = 0; i < value.length; i++) valueSlot(value, i, shape);
    } else anyShape(value, shape);
  }
  part(shape, CLOSE);
}

function rawShape(raw: { sql: string; bindings?: unknown }, shape: Shape): void {
  part(shape, RAW);
  part(shape, raw.sql);
  const { bindings } = raw;
  if (!Array.isArray(bindings)) return anyShape(bindings, shape);
  part(shape, LIST);
  part(shape, bindings.length);
  for (let i = 0; i < bindings.length; i++) {
    if (isBindable(bindings[i])) valueSlot(bindings, i, shape);
    else anyShape(bindings[i], shape);
  }
}

/** Anything else in a builder: its structure and every value, as part of the shape. */
function anyShape(value: unknown, shape: Shape): void {
  if (typeof value === 'string') return part(shape, value);
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function') throw new Opaque();
    return part(shape, value);
  }
  if (value instanceof Date) return part(shape, `${DATE}${value.getTime()}`);
  if (Array.isArray(value)) {
    part(shape, LIST);
      part(shape, value.length);
    for (let i = 0; i < value.length; i++) anyShape(value[i], shape);
    return;
  }
  const object = value as Record<string, unknown>;
  if (Array.isArray(object._statements)) return builderShape(object as unknown as KnexBuilder, shape);
  if (typeof object.sql === 'string' && 'bindings' in object && 'client' in object) return rawShape(object as { sql: string; bindings?: unknown }, shape);
  if (Array.isArray(object.clauses)) return joinShape(object, shape);
  statementShape(object, shape);
}

/** A join's table and its ON clauses (columns, not values); `and` is the clause itself. */
function joinShape(join: Record<string, unknown>, shape: Shape): void {
  part(shape, JOIN);
  for (const key of Object.keys(join)) {
    if (key === 'and') continue;
    part(shape, key);
    anyShape(join[key], shape);
  }
}

const isBindable = (value: unknown): boolean =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value instanceof Date;

function valueSlot(holder: Record<string | number, unknown> | unknown[], key: string | number, shape: Shape): void {
  const value = (holder as Record<string | number, unknown>)[key];
  part(shape, value instanceof Date ? VALUE_TYPES.date : VALUE_TYPES[typeof value]);
  shape.holders.push(holder as Record<string | number, unknown>);
  shape.keys.push(key);
}
