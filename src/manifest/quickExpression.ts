/**
 * The subset of JSONata a manifest's keys and cursors are written in, evaluated synchronously:
 * a field path (`projRid`, `dept.code`, `` `统一社会信用代码` ``), a literal, a concatenation with
 * `&`, and the functions $string, $trim, $lowercase, $uppercase and $number of one of those. Mapping
 * expressions also get object and list constructors, `=` `!=` `<` `<=` `>` `>=`, `and`, `or` and
 * `? :` over the same: what most mappings are made of, and what keeps them as fast as code. Each means exactly what JSONata says it means, except over lists, where JSONata maps a
 * path over the list's items, and over values of the wrong type, where JSONata has its own errors:
 * the quick evaluator then answers ASK_JSONATA, and the caller asks JSONata (a mapping) or says
 * the key must be one text per record (a key or cursor).
 */

export const ASK_JSONATA = Symbol('ask JSONata');

type Evaluate = (record: unknown) => unknown;

export interface QuickEvaluator {
  /** The value, or ASK_JSONATA when only JSONata can say (a path crossed a list). */
  lenient: (record: unknown) => unknown;
  /** The value; throws where the lenient form answers ASK_JSONATA. */
  strict: Evaluate;
}

interface AstNode {
  type: string;
  value?: unknown;
  condition?: AstNode;
  then?: AstNode;
  else?: AstNode;
  expressions?: AstNode[];
  steps?: AstNode[];
  // An object constructor's lhs is its [key, value] pairs.
  lhs?: AstNode | AstNode[][];
  rhs?: AstNode;
  procedure?: AstNode;
  arguments?: AstNode[];
  // Filters, sorts, focus and other path decorations: not in the subset.
  stages?: unknown[];
  predicate?: unknown[];
  group?: unknown;
  focus?: unknown;
  index?: unknown;
  tuple?: unknown;
  keepArray?: boolean;
}

/** The subset's evaluator of a compiled expression's syntax tree, or undefined outside the subset. */
export function quickEvaluator(ast: unknown): QuickEvaluator | undefined {
  const evaluate = build(ast as AstNode);
  if (!evaluate) return undefined;
  return {
    lenient: (record) => {
      try {
        return evaluate(record);
      } catch (error) {
        if (error === ASK_JSONATA) return ASK_JSONATA;
        throw error;
      }
    },
    strict: (record) => {
      try {
        return evaluate(record);
      } catch (error) {
        if (error === ASK_JSONATA) throw new Error('the expression meets a list or a value that is not text; a key or cursor must be one value per record');
        throw error;
      }
    },
  };
}

const STRING_FUNCTIONS: Record<string, (text: string) => string> = {
  // JSONata's $trim: runs of space, tab, CR and LF become one space, and a space at either end
  // goes. Other blanks stay, the full-width 　 (U+3000) and NBSP among them: String#trim would strip them.
  trim: (text) => text.replace(/[ \t\n\r]+/g, ' ').replace(/^ | $/g, ''),
  lowercase: (text) => text.toLowerCase(),
  uppercase: (text) => text.toUpperCase(),
  string: (text) => text,
};

// JSONata's $number reads a string only in JSON's number syntax; anything else is JSONata's error.
const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

function build(node: AstNode): Evaluate | undefined {
  if (isDecorated(node)) return undefined;
  switch (node.type) {
    case 'string':
    case 'number':
    case 'value': {
      const value = node.value;
      return () => value;
    }
    case 'name':
      return pathOf([String(node.value)]);
    case 'path': {
      const steps = node.steps ?? [];
      if (steps.length === 0 || steps.some((step) => step.type !== 'name' || isDecorated(step))) return undefined;
      return pathOf(steps.map((step) => String(step.value)));
    }
    case 'binary':
      return binary(node);
    case 'function':
      return node.procedure?.type === 'variable' && node.procedure.value === 'number' ? numberFunction(node) : stringFunction(node);
    case 'unary':
      return node.value === '{' ? objectConstructor(node) : node.value === '[' ? listConstructor(node) : undefined;
    case 'condition':
      return condition(node);
    default:
      return undefined;
  }
}

function binary(node: AstNode): Evaluate | undefined {
  if (node.value === '&') return concatenation(node);
  const left = build(node.lhs as AstNode);
  const right = node.rhs && build(node.rhs);
  if (!left || !right) return undefined;
  switch (node.value) {
    case '=':
      return (record) => equal(left(record), right(record)) ?? false;
    case '!=':
      return (record) => {
        const same = equal(left(record), right(record));
        return same === undefined ? false : !same;
      };
    case '<':
    case '<=':
    case '>':
    case '>=':
      return ordering(String(node.value), left, right);
    case 'and':
      return (record) => truthy(left(record)) && truthy(right(record));
    case 'or':
      return (record) => truthy(left(record)) || truthy(right(record));
    default:
      return undefined;
  }
}

/** JSONata's `=` of two values: undefined when either is missing (the comparison is then false). */
function equal(a: unknown, b: unknown): boolean | undefined {
  if (a === undefined || b === undefined) return undefined;
  if ((a !== null && typeof a === 'object') || (b !== null && typeof b === 'object')) throw ASK_JSONATA;
  return a === b;
}

function ordering(operator: string, left: Evaluate, right: Evaluate): Evaluate {
  return (record) => {
    const a = left(record);
    const b = right(record);
    // A missing side gives nothing (not false): JSONata's rule for the ordering operators.
    if (a === undefined || b === undefined) return undefined;
    // Mixed types are JSONata's error to raise (T2009), with its own message.
    if (typeof a !== typeof b || (typeof a !== 'number' && typeof a !== 'string')) throw ASK_JSONATA;
    const [x, y] = [a as number | string, b as number | string];
    return operator === '<' ? x < y : operator === '<=' ? x <= y : operator === '>' ? x > y : x >= y;
  };
}

/** JSONata's $boolean. */
function truthy(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.length > 0;
  if (typeof value === 'number') return value !== 0;
  if (Array.isArray(value)) return value.some(truthy);
  return Object.keys(value as object).length > 0;
}

function condition(node: AstNode): Evaluate | undefined {
  const test = node.condition && build(node.condition);
  const then = node.then && build(node.then);
  const otherwise = node.else ? build(node.else) : () => undefined;
  if (!test || !then || !otherwise) return undefined;
  return (record) => (truthy(test(record)) ? then(record) : otherwise(record));
}

/** `{ "key": value, … }` with literal keys; a value that is missing leaves its key out, as in JSONata. */
function objectConstructor(node: AstNode): Evaluate | undefined {
  const pairs = (node.lhs as AstNode[][] | undefined) ?? [];
  const built: Array<[string, Evaluate]> = [];
  for (const [key, value] of pairs) {
    const evaluate = value && build(value);
    if (key?.type !== 'string' || !evaluate) return undefined;
    built.push([String(key.value), evaluate]);
  }
  return (record) => {
    const object: Record<string, unknown> = {};
    for (const [key, evaluate] of built) {
      const value = evaluate(record);
      if (value !== undefined) object[key] = value;
    }
    return object;
  };
}

/** `[a, b]`: missing items are left out and list items spliced in, as JSONata does. */
function listConstructor(node: AstNode): Evaluate | undefined {
  const items = node.expressions ?? [];
  // A nested constructor is kept as a list, not spliced: JSONata's rule, left to JSONata.
  if (items.some((item) => item.type === 'unary' && item.value === '[')) return undefined;
  const built = items.map(build);
  if (built.some((evaluate) => !evaluate)) return undefined;
  return (record) => built.flatMap((evaluate) => {
    const value = evaluate!(record);
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  });
}

function numberFunction(node: AstNode): Evaluate | undefined {
  const args = node.arguments ?? [];
  const argument = args.length === 1 ? build(args[0]) : undefined;
  if (!argument) return undefined;
  return (record) => {
    const value = argument(record);
    if (value === undefined || typeof value === 'number') return value;
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (typeof value === 'string' && JSON_NUMBER.test(value)) return Number(value);
    throw ASK_JSONATA;
  };
}

function isDecorated(node: AstNode): boolean {
  return Boolean(node.stages?.length || node.predicate?.length || node.group || node.focus || node.index || node.tuple || node.keepArray);
}

function pathOf(names: string[]): Evaluate {
  return (record) => {
    let value: unknown = record;
    for (const name of names) {
      if (Array.isArray(value)) throw ASK_JSONATA;
      if (value === null || typeof value !== 'object') return undefined;
      value = (value as Record<string, unknown>)[name];
    }
    return value;
  };
}

function concatenation(node: AstNode): Evaluate | undefined {
  const left = node.lhs && build(node.lhs as AstNode);
  const right = node.rhs && build(node.rhs);
  if (!left || !right) return undefined;
  return (record) => asConcatenated(left(record)) + asConcatenated(right(record));
}

function stringFunction(node: AstNode): Evaluate | undefined {
  const name = node.procedure?.type === 'variable' ? String(node.procedure.value) : '';
  const apply = STRING_FUNCTIONS[name];
  const args = node.arguments ?? [];
  const argument = args.length === 1 ? build(args[0]) : undefined;
  if (!apply || !argument) return undefined;
  return (record) => {
    const value = argument(record);
    if (value === undefined) return undefined;
    if (Array.isArray(value) || (name !== 'string' && typeof value !== 'string')) throw ASK_JSONATA;
    return apply(asString(value));
  };
}

/** JSONata's `&`: a missing value is the empty string, any other value its $string. */
function asConcatenated(value: unknown): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) throw ASK_JSONATA;
  return asString(value);
}

/** JSONata's $string of one value: strings as they are, everything else as JSON, fractions to 15 significant digits. */
function asString(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value, fifteenDigits) ?? '';
}

// JSONata writes a fraction to 15 significant digits (0.1 + 0.2 as "0.3"), alone or inside an object; whole numbers as they are.
const fifteenDigits = (_key: string, value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) && !Number.isInteger(value) ? Number(value.toPrecision(15)) : value;
