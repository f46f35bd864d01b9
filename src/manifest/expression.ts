import jsonata from 'jsonata';
import { ASK_JSONATA, quickEvaluator } from './quickExpression';

/**
 * A manifest's JSONata expression, compiled once when the manifest loads.
 *
 * JSONata evaluates asynchronously and, for an object of a dozen fields, costs tens of
 * microseconds a record. Most of a manifest's expressions are a field's name, a literal or a
 * concatenation; those get a synchronous evaluator of the same meaning (quickExpression.ts), which
 * is what keeps a manifest stream as fast as a coded one. The others run through JSONata itself.
 */
export interface CompiledExpression {
  readonly text: string;
  /** Present when the expression is in the quick subset: what the key and cursor must use. */
  readonly quick?: (record: unknown) => unknown;
  evaluate(record: unknown): unknown | Promise<unknown>;
}

/** JSONata refused the expression's text; `position` counts characters from 1. */
export class ExpressionSyntaxError extends Error {
  override name = 'ExpressionSyntaxError';
  constructor(
    message: string,
    readonly position: number | undefined,
  ) {
    super(message);
  }
}

export function compileExpression(text: string): CompiledExpression {
  let compiled: jsonata.Expression;
  try {
    compiled = jsonata(text);
  } catch (error) {
    const e = error as { message?: string; position?: number };
    throw new ExpressionSyntaxError(e.message ?? String(error), e.position);
  }
  const quick = quickEvaluator(compiled.ast());
  if (quick) {
    // Where the quick evaluator cannot say (a path over a list), JSONata answers.
    return {
      text,
      quick: quick.strict,
      evaluate: (record) => {
        const value = quick.lenient(record);
        return value === ASK_JSONATA ? evaluateSlow(compiled, record) : value;
      },
    };
  }
  return { text, evaluate: (record) => evaluateSlow(compiled, record) };
}

async function evaluateSlow(compiled: jsonata.Expression, record: unknown): Promise<unknown> {
  return unsequence(await compiled.evaluate(record));
}

/** JSONata marks the lists it builds with a `sequence` flag; stored values are plain JSON. */
function unsequence(value: unknown): unknown {
  return Array.isArray(value) ? [...value] : value;
}
