import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { compiledOnce } from './compiledOnce';
import { DirectReadRunner } from './directReads';

/** A statement as knex hands it to its client: the SQL and the options the query builder set. */
interface CompiledQuery {
  sql: string;
  options?: Record<string, unknown>;
}

// knex's statement steps, which the client below calls as knex's own `query` does; no type declarations either.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { enrichQueryObject, executeQuery } = require('knex/lib/execution/internal/query-executioner') as {
  enrichQueryObject(connection: unknown, query: CompiledQuery, client: unknown): CompiledQuery;
  executeQuery(connection: unknown, query: CompiledQuery, client: unknown): Promise<unknown>;
};

/** knex's debug log of statements is on (DEBUG names knex, as the debug package reads it at start). */
const KNEX_DEBUG = /knex/.test(process.env.DEBUG ?? '');

// knex's node-postgres client, which the hub extends below; knex ships it without type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const PostgresClient = require('knex/lib/dialects/postgres') as typeof Knex.Client & {
  prototype: { _query(connection: unknown, obj: CompiledQuery): Promise<unknown>; positionBindings(sql: string): string };
};

/**
 * Server-side prepared statements for the API's hot queries. A query marked with `prepared(q)` is
 * sent as a named statement, its name a digest of its text: each pooled connection parses and
 * plans it once, and every later request with the same shape sends only its parameters (as
 * PostGraphile does). The name follows the text, so two shapes never share a name, and the set of
 * names stays as small as the set of shapes (a page's filters, not its values).
 *
 * Its SQL text is built once per shape too (compiledOnce.ts).
 *
 * PostgreSQL may keep a generic plan after five executions; only queries whose best plan does not
 * depend on their values are marked (a search, whose plan does, is not). The embedded database
 * plans every statement anyway and ignores the mark.
 */
const MARK = 'hubPrepared';

export function prepared<Q extends Knex.QueryBuilder | Knex.Raw>(query: Q): Q {
  // A prepared statement's text is the same for every value, so it is also built only once.
  if (isQueryBuilder(query)) compiledOnce(query);
  return query.options({ [MARK]: true }) as Q;
}

/**
 * A page's LIMIT written into the statement's text rather than bound. PostgreSQL keeps a prepared
 * statement's generic plan only if it costs about what a plan for the values would; with the limit
 * a parameter it costs the generic plan as if a tenth of the matches were read, so it planned
 * every execution anew: about 0.2 ms of the database's time a list page, 0.3 ms a search page, at
 * 30,000 disclosures. A page size is an integer the API bounds (pageSize.ts), so the text stays
 * one of a few shapes per list.
 */
export function plannedLimit<Q extends Knex.QueryBuilder>(query: Q, rows: number): Q {
  if (!Number.isSafeInteger(rows) || rows < 0) throw new Error(`a LIMIT in SQL text must be a whole number, got ${rows}`);
  return query.limit(rows, { skipBinding: true }) as Q;
}

const isQueryBuilder = (query: Knex.QueryBuilder | Knex.Raw): query is Knex.QueryBuilder => '_statements' in query;

/** knex's pg client, giving marked statements their name, and running plain reads without knex's runner (directReads.ts). */
export class PreparingPostgresClient extends PostgresClient {
  override runner(builder: unknown): DirectReadRunner {
    return new DirectReadRunner(this, builder);
  }

  /**
   * knex's `query`, but a statement no one listens for is not copied into a `query` event, nor its
   * text escaped for a debug log that is off: knex does both for every statement, about 1.5 % of
   * the hub's CPU on an enterprise page. With a listener or DEBUG=knex:* it is knex's own.
   */
  override query(connection: unknown, query: CompiledQuery & { bindings?: unknown[] }): Promise<unknown> {
    const listened = KNEX_DEBUG || (this as unknown as { listenerCount(event: string): number }).listenerCount('query') > 0;
    if (listened || typeof query === 'string') return executeQuery(connection, enrichQueryObject(connection, query, this), this);
    const client = this as unknown as { prepBindings(bindings: unknown): unknown[] };
    query.bindings = client.prepBindings(query.bindings);
    query.sql = this.positionBindings(query.sql);
    return executeQuery(connection, query, this);
  }

  _query(connection: unknown, obj: CompiledQuery): Promise<unknown> {
    if (obj.options?.[MARK]) {
      const { [MARK]: _mark, ...options } = obj.options;
      obj = { ...obj, options: { ...options, name: statementName(obj.sql) } };
    }
    return PostgresClient.prototype._query.call(this, connection, obj);
  }

  /**
   * `?` placeholders numbered `$1`, `$2` …, which knex does with a regular expression over the
   * whole text on every run: kept per text, as a statement's name is. The API's statements are a
   * few shapes of a few kilobytes; a long one (a migration, a large IN list) is not kept.
   */
  override positionBindings(sql: string): string {
    let positioned = positionedTexts.get(sql);
    if (positioned === undefined) {
      positioned = PostgresClient.prototype.positionBindings.call(this, sql);
      if (sql.length <= POSITIONED_LONGEST) {
        if (positionedCharacters > POSITIONED_CHARACTERS) {
          positionedTexts.clear();
          positionedCharacters = 0;
        }
        positionedTexts.set(sql, positioned);
        positionedCharacters += sql.length + positioned.length;
      }
    }
    return positioned;
  }
}

const positionedTexts = new Map<string, string>();
let positionedCharacters = 0;
const POSITIONED_LONGEST = 16_000;
const POSITIONED_CHARACTERS = 2_000_000;

/** Names by text, so a hot statement's text is hashed once; shapes are few, the bound is a guard. */
const names = new Map<string, string>();
const NAMES_KEPT = 2000;

function statementName(sql: string): string {
  let name = names.get(sql);
  if (!name) {
    if (names.size >= NAMES_KEPT) names.clear();
    name = `hub_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    names.set(sql, name);
  }
  return name;
}
