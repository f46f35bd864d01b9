import type { Knex } from 'knex';
import { assertSameAsBuilt, sameValue, type CompiledQuery } from './compiledQuery';

/**
 * A read whose statement depends on its request only through a few text inputs (an enterprise
 * page: its code), built once per shape and from then on run with the inputs put in their places.
 *
 * compiledOnce saves knex compiling the text, but not building the builder and walking it to find
 * the shape and the values: for an enterprise page (its entity, counts, credit summary and newest
 * disclosures in one statement, about 770 parts) that was still about a sixth of the hub's CPU per
 * request. Here the caller says what the shape is (a key: the query's field node, which belongs
 * to one parsed query, and a text for the arguments that change the statement), and what the
 * inputs are; the statement is built for those, and nothing is built again for that key.
 *
 * Where each input goes is learnt, not assumed: the first time a key is seen the statement is built
 * twice, once with the request's inputs and once with a probe in place of each, and the two are
 * compared. The text must be the same; a binding that follows a probe is that input's place, one
 * that is the same in both is a constant of the shape. Anything else (an input written into the
 * text, or changed before it is bound) makes the key untemplatable, and its statement is then built
 * for every request as before. Under test (NODE_ENV test) every reuse is also built the ordinary
 * way and compared, so the whole suite checks that a key says all that shapes its statement.
 */
export interface TemplateKey {
  /** An object the shape belongs to and that lives as long as it does: a query's field node. */
  owner: object;
  /** Everything else that shapes the statement, as text: which parts it has, its arguments. */
  shape: string;
}

export function readForInputs<I extends readonly string[]>(knex: Knex, key: TemplateKey, inputs: I, build: (inputs: I) => Knex.QueryBuilder): Knex.QueryBuilder {
  const byShape = shapesOf(knex.client as object, key.owner);
  let template = byShape.get(key.shape);
  if (template === undefined) {
    template = learnt(inputs, build);
    if (byShape.size >= SHAPES_PER_OWNER) byShape.clear();
    byShape.set(key.shape, template);
  }
  if (template === UNTEMPLATABLE) return build(inputs);
  const query = { ...template.query, bindings: bindingsFor(template, inputs), __knexQueryUid: `hub-template-${++nextUid}` };
  if (VERIFY) assertSameAsBuilt('readForInputs', query, compiled(build(inputs)) as CompiledQuery);
  const read = knex.queryBuilder();
  (read as unknown as { toSQL(): CompiledQuery }).toSQL = () => query;
  return read;
}

/** The keys that could not be templated (their statements are built on every request); for tests. */
export function untemplatableShapes(): string[] {
  return [...untemplatable];
}

/** A shape's compiled statement, and for each binding its input's index (0 and up) or a constant's (-1 and down). */
interface Template {
  query: CompiledQuery;
  slots: number[];
  constants: unknown[];
}

const UNTEMPLATABLE = null;
const untemplatable = new Set<string>();
const UNTEMPLATABLE_KEPT = 100;

/** Templates by client (a dialect writes its own text), owner and shape; an owner's go with it. */
const templates = new WeakMap<object, WeakMap<object, Map<string, Template | typeof UNTEMPLATABLE>>>();
/** Shapes are a query's argument combinations; the bound is a guard against a shape per value. */
const SHAPES_PER_OWNER = 64;

const VERIFY = process.env.NODE_ENV === 'test';
let nextUid = 0;

function shapesOf(client: object, owner: object): Map<string, Template | typeof UNTEMPLATABLE> {
  let byOwner = templates.get(client);
  if (!byOwner) templates.set(client, (byOwner = new WeakMap()));
  let byShape = byOwner.get(owner);
  if (!byShape) byOwner.set(owner, (byShape = new Map()));
  return byShape;
}

/** The template of a shape, from its statement built with the inputs and with a probe for each. */
function learnt<I extends readonly string[]>(inputs: I, build: (inputs: I) => Knex.QueryBuilder): Template | typeof UNTEMPLATABLE {
  const probes = inputs.map((input, i) => `${input}\u0000probe ${i}`) as unknown as I;
  const real = compiled(build(inputs));
  const probed = compiled(build(probes));
  const template = !Array.isArray(real) && !Array.isArray(probed) ? templateFrom(real, probed, inputs, probes) : UNTEMPLATABLE;
  if (template === UNTEMPLATABLE && untemplatable.size < UNTEMPLATABLE_KEPT) untemplatable.add(Array.isArray(real) ? real.map((q) => q.sql).join(';\n') : real.sql);
  return template;
}

function templateFrom(real: CompiledQuery, probed: CompiledQuery, inputs: readonly string[], probes: readonly string[]): Template | typeof UNTEMPLATABLE {
  if (real.sql !== probed.sql || real.method !== probed.method || real.bindings.length !== probed.bindings.length) return UNTEMPLATABLE;
  if (JSON.stringify(real.options) !== JSON.stringify(probed.options)) return UNTEMPLATABLE;
  const constants: unknown[] = [];
  const slots: number[] = [];
  for (let j = 0; j < real.bindings.length; j++) {
    const input = probes.indexOf(probed.bindings[j] as string);
    if (input >= 0 && real.bindings[j] === inputs[input]) slots.push(input);
    else if (sameValue(real.bindings[j], probed.bindings[j])) slots.push(-1 - (constants.push(real.bindings[j]) - 1));
    else return UNTEMPLATABLE;
  }
  const { bindings: _values, __knexQueryUid: _uid, ...query } = real;
  return { query: { ...query, bindings: [] }, slots, constants };
}

function bindingsFor(template: Template, inputs: readonly string[]): unknown[] {
  const { slots, constants } = template;
  const bindings = new Array(slots.length);
  for (let j = 0; j < slots.length; j++) bindings[j] = slots[j] >= 0 ? inputs[slots[j]] : constants[-1 - slots[j]];
  return bindings;
}

/** A builder's statement as knex compiles it: one, or several for a few methods. */
const compiled = (query: Knex.QueryBuilder) => query.toSQL() as unknown as CompiledQuery | CompiledQuery[];
