import pg from 'pg';

/** Told when a statement's answer arrived (or the statement failed). */
type Answered = () => void;

/**
 * Calls `observe` with every statement sent through pg's Client#query, which knex (callback form)
 * and PostGraphile (promise form) both use, BEGIN and COMMIT included, which knex's query events
 * leave out. When `observe` returns a function, that is called as the answer arrives: timing costs
 * a wrapped callback per statement, so an observer that only counts returns nothing.
 */
export function observeStatements(observe: (statement: unknown) => Answered | void): void {
  type Query = (this: pg.Client, ...args: unknown[]) => unknown;
  const proto = pg.Client.prototype as unknown as { query: Query };
  const original = proto.query;
  proto.query = function (this: pg.Client, ...args: unknown[]) {
    const answered = observe(args[0]);
    if (!answered) return original.apply(this, args);
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === 'function') {
      args[last] = (...results: unknown[]) => {
        answered();
        return callback(...results);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (result instanceof Promise) result.then(answered, answered);
    return result;
  };
}

/** The SQL of what Client#query was handed: a string or a config object. */
export function statementText(statement: unknown): string {
  const q = statement as string | { text?: string } | undefined;
  return typeof q === 'string' ? q : (q?.text ?? '');
}

/**
 * How many statements were sent, and the text of the last `size`, turned into a list only when
 * asked: recording costs a server next to nothing under load.
 *
 * Only the text is kept (the string the caller handed over, not a copy), never the statement's
 * object. pg writes the caller's callback onto a config object (knex's callback form; PostGraphile's
 * promise form leaves it alone), that callback holds knex's query, and the query its answer: kept
 * objects kept the rows of the hub's last 256 statements alive through V8's young-generation
 * collections, a garbage-collection cost PostGraphile did not pay: the hub's young-generation
 * collections took 4–6 ms at the median against PostGraphile's 2, and 1–2 ms once only text was kept.
 */
export class RecentStatements {
  count = 0;
  private readonly texts: string[];

  constructor(private readonly size = 256) {
    this.texts = new Array<string>(size);
  }

  record(statement: unknown): void {
    this.texts[this.count % this.size] = statementText(statement);
    this.count++;
  }

  /** The texts of the statements after the `since`-th, as many of them as are kept. */
  since(since: number): string[] {
    const texts: string[] = [];
    for (let i = Math.max(since, this.count - this.size); i < this.count; i++) texts.push(this.texts[i % this.size]);
    return texts;
  }
}

/**
 * A short name for a statement, to group the statements of a report by: its verb and the tables it
 * writes or reads ("insert into disclosures", "select disclosures, entities", "commit").
 */
export function statementLabel(sql: string): string {
  const s = sql.replace(/\s+/g, ' ').trim().toLowerCase();
  const verb = /^(with|select|insert into|update|delete from|begin|commit|rollback|savepoint|release savepoint|set|show|deallocate)\b/.exec(s)?.[1];
  if (!verb) return s.slice(0, 40);
  const written = /^(?:insert into|update|delete from) "?([a-z_]+)/.exec(s)?.[1];
  const tables = written ? [written] : [...new Set([...s.matchAll(/\b(?:from|join) (?!lateral\b)"?(?:public"?\."?)?([a-z_]+)"?/g)].map((m) => m[1]))];
  return tables.length ? `${verb} ${tables.join(', ')}` : verb;
}
