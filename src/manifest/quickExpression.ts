/**
 * The subset of JSONata a manifest's keys and cursors are written in, evaluated synchronously:
 * a field path (`projRid`, `dept.code`, `` `统一社会信用代码` ``), a string or number literal, a
 * concatenation with `&`, and the string functions $string, $trim, $lowercase and $uppercase of one
 * of those. Each means exactly what JSONata says it means, except over lists, where JSONata maps a
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
  steps?: AstNode[];
  lhs?: AstNode;
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
  trim: (text) => text.replace(/[ \t\n\r]+/g, ' ').trim(),
  lowercase: (text) => text.toLowerCase(),
  uppercase: (text) => text.toUpperCase(),
  string: (text) => text,
};

function build(node: AstNode): Evaluate | undefined {
  if (isDecorated(node)) return undefined;
  switch (node.type) {
    case 'string':
    case 'number': {
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
      return node.value === '&' ? concatenation(node) : undefined;
    case 'function':
      return stringFunction(node);
    default:
      return undefined;
  }
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
  const left = node.lhs && build(node.lhs);
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

/** JSONata's $string of one value: strings as they are, everything else as JSON. */
function asString(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? '';
}
