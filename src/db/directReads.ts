import type { Knex } from 'knex';

/** What knex's client does for a statement, as this file calls it (knex ships these without type declarations). */
export interface StatementClient {
  /** A transaction's client: its statements run on the transaction's connection, which only knex's runner holds. */
  transacting?: boolean;
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<void>;
  /** Numbers the placeholders, emits `query`, sends the statement; a failure gets its SQL in the message and emits `query-error`. */
  query(connection: unknown, compiled: CompiledRead): Promise<CompiledRead & { response: unknown }>;
  processResponse(answered: CompiledRead & { response: unknown }, runner: undefined): unknown;
  postProcessResponse(rows: unknown, queryContext: unknown): unknown;
  emit(event: string, ...args: unknown[]): boolean;
  listenerCount(event: string): number;
}

/** A statement as the builder compiles it. */
interface CompiledRead {
  sql: string;
  bindings: unknown[];
  method: string;
  timeout?: number;
  output?: unknown;
}

type ReadBuilder = Omit<Knex.QueryBuilder, 'toSQL'> & {
  client: StatementClient;
  _connection?: unknown;
  toSQL(): CompiledRead | CompiledRead[];
  queryContext(): unknown;
  emit(event: string, ...args: unknown[]): boolean;
  listenerCount(event: string): number;
};

/** The only methods read here: a list of rows, or its first. Anything else is knex's. */
const READS = new Set(['select', 'first']);

/**
 * Runs a read that knex would run, without knex's Runner: take a pooled connection, send the
 * compiled statement through the same client (so the same placeholders, statement name, `query`
 * and `query-error` events and error messages), read the rows as knex reads them, give the
 * connection back.
 *
 * Why: knex's Runner wraps one statement in half a dozen promise steps, events and bookkeeping for
 * features a portal read does not use (streams, statement arrays, timeouts, outer connections). On
 * an enterprise page or a trading process page, whose SQL the database answers in a fraction of a
 * millisecond, that was 10–15 % of the hub's CPU per request (`npm run bench:api`, side by side).
 *
 * Only a plain read qualifies: one statement, selecting rows, no timeout, no connection of its
 * own, not in a transaction (whose connection only the runner holds). Anything else runs through
 * knex as before.
 */
export function runsDirectly<Q extends Knex.QueryBuilder>(query: Q): Q {
  const builder = query as unknown as ReadBuilder;
  if (builder.client.transacting) return query;
  const runThroughKnex = builder.then;
  builder.then = function then(this: ReadBuilder, onFulfilled?: ((rows: any) => unknown) | null, onRejected?: ((reason: unknown) => unknown) | null) {
    const compiled = this.toSQL();
    if (!isPlainRead(this, compiled)) return runThroughKnex.call(this, onFulfilled, onRejected);
    return read(this, compiled).then(onFulfilled, onRejected);
  } as typeof builder.then;
  return query;
}

function isPlainRead(builder: ReadBuilder, compiled: CompiledRead | CompiledRead[]): compiled is CompiledRead {
  return !Array.isArray(compiled) && READS.has(compiled.method) && !compiled.timeout && !compiled.output && builder._connection === undefined;
}

async function read(builder: ReadBuilder, compiled: CompiledRead): Promise<unknown> {
  const { client } = builder;
  // knex's runner announces the statement before it runs; observers (the tests' statement counts) rely on it.
  if (client.listenerCount('start') > 0) client.emit('start', builder);
  const connection = await client.acquireConnection();
  try {
    const answered = await client.query(connection, compiled);
    const rows = client.postProcessResponse(client.processResponse(answered, undefined), builder.queryContext());
    if (client.listenerCount('query-response') > 0) client.emit('query-response', rows, answered, builder);
    return rows;
  } finally {
    void client.releaseConnection(connection);
  }
}
