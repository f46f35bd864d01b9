/**
 * What a workload of the API benchmark is: one portal page as the hub serves it and the closest
 * equivalent PostGraphile v4 (default inflection) generates for the same tables, sent with a
 * different variant on each request (another enterprise, page, filter or word), and how to read
 * either server's answer so the two can be compared.
 */
import type { QueryName, Target } from './options';
import type { ServerProcess } from './serverProcess';

export interface BenchQuery {
  query: string;
  variables?: Record<string, unknown>;
}

/** One request of a workload, as each kind of server is sent it. */
export interface Variant {
  /** What varies, in words ("uscc 91230600…", "search 工程"), for the differences the report lists. */
  label: string;
  variables: Record<Target, Record<string, unknown>>;
}

/** What a workload may read to make its variants: the filled database, and the servers (for page cursors). */
export interface VariantSource {
  databaseUrl: string;
  servers: Record<Target, ServerProcess>;
  /** Most variants wanted (--variants). */
  most: number;
}

/** A workload that cannot run on this database, and why (a table another change adds, say). */
export interface Skipped {
  skipped: string;
}

export interface Workload {
  name: QueryName;
  graphql: Record<Target, string>;
  variants(source: VariantSource): Promise<Variant[] | Skipped>;
  /** Reads a response's data (errors already refused) down to what both servers should agree on. */
  digest(target: Target, data: any): Digest;
  /** Why, by design of the two queries, the answers may differ: said in the report's notes. */
  caveat?: string;
}

/** What a response says, reduced to what both servers should agree on. */
export interface Digest {
  /** The rows' keys, in order. */
  ids: string[];
  titles?: string[];
  /** Each row's subject name (null when none), or the entity's name. */
  names?: Array<string | null>;
  /** How many rows match over all pages, as the server counts them. */
  total?: number;
  /** Profile: the entity's penalties, as each server counts them. */
  penalties?: number;
}

export const request = (query: string, variables: Record<string, unknown>): BenchQuery => ({ query, variables });

/** The rows of a connection, Relay edges (the hub) or nodes (PostGraphile). */
export function rowsOf(connection: { edges?: Array<{ node: any }>; nodes?: any[] }): any[] {
  return connection.edges ? connection.edges.map((e) => e.node) : (connection.nodes ?? []);
}

/** A page of disclosures as both servers answer it: ids and titles in order, and a name per row. */
export function pageDigest(rows: any[], nameOf: (row: any) => string | null): Digest {
  return { ids: rows.map((r) => String(r.id)), titles: rows.map((r) => r.title), names: rows.map(nameOf) };
}

/** A row's subject name: the hub's `subject`, PostGraphile's foreign key to entities. */
export const subjectNameOf = (target: Target) => (row: any): string | null =>
  (target === 'hub' ? row.subject?.name : row.entityByEntityUscc?.name) ?? null;

/** Reads a response body; throws when it carries errors or no data. */
export function dataOf(name: string, target: Target, body: string): any {
  const parsed = JSON.parse(body) as { data?: any; errors?: Array<{ message: string }> };
  if (parsed.errors?.length) throw new Error(`${target} answered the ${name} query with errors: ${parsed.errors.map((e) => e.message).join('; ')}`);
  if (!parsed.data) throw new Error(`${target} answered the ${name} query without data`);
  return parsed.data;
}

/** Where two answers to the same variant differ, each as a short kind ("rows", "total" …) with the detail. */
export function differences(hub: Digest, pg: Digest): Array<{ what: string; detail: string }> {
  const found: Array<{ what: string; detail: string }> = [];
  const sameOrder = hub.ids.join() === pg.ids.join();
  if (!sameOrder) {
    const common = hub.ids.filter((id) => pg.ids.includes(id)).length;
    found.push({ what: 'rows', detail: `${common} of ${hub.ids.length} hub rows in PostGraphile's ${pg.ids.length}, or in another order` });
  }
  if (sameOrder && (hub.titles ?? []).join('\u0000') !== (pg.titles ?? []).join('\u0000')) found.push({ what: 'titles', detail: 'same rows, different titles' });
  const names = (hub.names ?? []).filter((n, i) => n !== pg.names?.[i]).length;
  if (names) found.push({ what: 'names', detail: `${names} of ${hub.names!.length} names differ` });
  if (hub.total !== pg.total) found.push({ what: 'total', detail: `hub ${hub.total}, PostGraphile ${pg.total}` });
  if (hub.penalties !== pg.penalties) found.push({ what: 'penalties', detail: `hub ${hub.penalties}, PostGraphile ${pg.penalties}` });
  return found;
}
