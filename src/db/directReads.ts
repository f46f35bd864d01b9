/** What knex's client does for a statement, as this file calls it (knex ships these without type declarations). */
interface StatementClient {
  /** A transaction's client: its statements run on the transaction's connection, which only knex's runner holds. */
  transacting?: boolean;
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<void>;
  /** Numbers the placeholders, emits `query`, sends the statement; a failure gets its SQL in the message and emits `query-error`. */
  query(connection: unknown, compiled: CompiledRead): Promise<CompiledRead & { response: unknown }>;
  processResponse(answered: CompiledRead & { response: unknown }, runner: unknown): unknown;
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

/** The builder's fields that say whether it is a plain read (a raw statement has no `_method`). */
interface ReadBuilder {
  _method?: string;
  _connection?: unknown;
  _timeout?: number;
  _debug?: boolean;
  toSQL(): CompiledRead | CompiledRead[];
  queryContext(): unknown;
}

// knex's Runner, which runs every builder's statements; knex ships it without type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const KnexRunner = require('knex/lib/execution/runner') as new (client: unknown, builder: unknown) => {
  client: StatementClient;
  builder: ReadBuilder;
  run(): Promise<unknown>;
};

/** The only methods read here: a list of rows, or its first. Anything else is knex's. */
const READS = new Set(['select', 'first']);

/**
 * knex's Runner, but a plain read runs without it: take a pooled connection, send the compiled
 * statement through the same client (so the same placeholders, statement name, `query` and
 * `query-error` events and error messages), read the rows as knex reads them, give the connection
 * back. The client hands it out for every statement (preparedStatements.ts).
 *
 * Why: knex's Runner wraps one statement in half a dozen promise steps, events and bookkeeping for
 * features a portal read does not use (statement arrays, timeouts, outer connections, debug
 * logging). On an enterprise page or a trading process page, whose SQL the database answers in a
 * fraction of a millisecond, that was 10–15 % of the hub's CPU per request (`npm run bench:api`,
 * side by side).
 *
 * Only a plain read qualifies: a select or first, no timeout, no connection of its own, no debug
 * log, not in a transaction (whose connection only the runner holds). Writes, raw statements and
 * streams run as knex runs them; the builder's fields decide, so they are not compiled twice.
 */
export class DirectReadRunner extends KnexRunner {
  override run(): Promise<unknown> {
    const { client, builder } = this;
    if (client.transacting || !READS.has(builder._method ?? '') || builder._connection !== undefined || builder._timeout || builder._debug) return super.run();
    const compiled = builder.toSQL();
    if (Array.isArray(compiled) || compiled.output) return super.run();
    return this.read(compiled);
  }

  private async read(compiled: CompiledRead): Promise<unknown> {
    const { client, builder } = this;
    // knex's runner announces the statement before it runs; observers may count on it.
    if (client.listenerCount('start') > 0) client.emit('start', builder);
    const connection = await client.acquireConnection();
    try {
      const answered = await client.query(connection, compiled);
      const rows = client.postProcessResponse(client.processResponse(answered, this), builder.queryContext());
      if (client.listenerCount('query-response') > 0) client.emit('query-response', rows, answered, builder);
      return rows;
    } finally {
      void client.releaseConnection(connection);
    }
  }
}
