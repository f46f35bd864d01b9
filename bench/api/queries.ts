/**
 * The two queries the benchmark drives, as the portal sends them to the hub, and the closest
 * equivalent PostGraphile v4 (default inflection) generates for the same tables.
 */
import type { QueryName, Target } from './options';

export interface BenchQuery {
  query: string;
  variables?: Record<string, unknown>;
}

/** The portal's home page: the 20 latest disclosures with their subject's name. */
const LIST = {
  hub: `query LatestDisclosures {
  disclosures(first: 20) { edges { node { id title publishedAt subject { name } } } }
}`,
  // disclosures.entity_uscc → entities.uscc gives entityByEntityUscc; the hub orders by
  // (published_at DESC, id DESC), the disclosures_published index.
  postgraphile: `query LatestDisclosures {
  allDisclosures(first: 20, orderBy: [PUBLISHED_AT_DESC, ID_DESC]) { nodes { id title publishedAt entityByEntityUscc { name } } }
}`,
};

/**
 * The enterprise page. PostGraphile has no computed profile: per-domain counts and the credit
 * summary (penalties, their fines) have no counterpart without custom SQL functions or plugins, so
 * its query counts the entity's disclosures (totalCount) and its penalties (a second, filtered
 * connection's totalCount) instead, and lists the 10 latest through the foreign key only (the hub
 * also lists disclosures that name the entity as a party, through disclosure_parties).
 */
const PROFILE = {
  hub: `query EntityProfile($uscc: String!) {
  entity(uscc: $uscc) {
    name
    disclosureCounts { domain count }
    creditSummary { penaltyCount penaltyTotalFine }
    disclosures(first: 10) { edges { node { id title } } }
  }
}`,
  postgraphile: `query EntityProfile($uscc: String!) {
  entityByUscc(uscc: $uscc) {
    name
    disclosuresByEntityUscc(first: 10, orderBy: [PUBLISHED_AT_DESC, ID_DESC]) { totalCount nodes { id title } }
    penalties: disclosuresByEntityUscc(condition: { domain: "CREDIT", kind: "administrative-penalty" }) { totalCount }
  }
}`,
};

export function benchQuery(name: QueryName, target: Target, uscc: string): BenchQuery {
  if (name === 'list') return { query: LIST[target] };
  return { query: PROFILE[target], variables: { uscc } };
}

/** What a response says, reduced to what both servers should agree on. */
export interface Digest {
  ids: string[];
  titles: string[];
  /** List: each row's subject name (null when none); profile: the entity's name. */
  names: Array<string | null>;
  /** Profile only: disclosures of the entity, and its penalties, as each server counts them. */
  total?: number;
  penalties?: number;
}

/** Reads a response body; throws when it carries errors or lacks the data the query asked for. */
export function digest(name: QueryName, target: Target, body: string): Digest {
  const parsed = JSON.parse(body) as { data?: any; errors?: Array<{ message: string }> };
  if (parsed.errors?.length) throw new Error(`${target} answered the ${name} query with errors: ${parsed.errors.map((e) => e.message).join('; ')}`);
  const data = parsed.data;
  if (name === 'list') {
    const rows: any[] = target === 'hub' ? data.disclosures.edges.map((e: any) => e.node) : data.allDisclosures.nodes;
    return {
      ids: rows.map((r) => String(r.id)),
      titles: rows.map((r) => r.title),
      names: rows.map((r) => (target === 'hub' ? r.subject?.name : r.entityByEntityUscc?.name) ?? null),
    };
  }
  if (target === 'hub') {
    const e = data.entity;
    if (!e) throw new Error('the hub found no entity for the profile query');
    const rows: any[] = e.disclosures.edges.map((x: any) => x.node);
    const total = (e.disclosureCounts as Array<{ count: number }>).reduce((sum, c) => sum + c.count, 0);
    return { ids: rows.map((r) => String(r.id)), titles: rows.map((r) => r.title), names: [e.name], total, penalties: e.creditSummary.penaltyCount };
  }
  const e = data.entityByUscc;
  if (!e) throw new Error('PostGraphile found no entity for the profile query');
  const rows: any[] = e.disclosuresByEntityUscc.nodes;
  return {
    ids: rows.map((r) => String(r.id)),
    titles: rows.map((r) => r.title),
    names: [e.name],
    total: Number(e.disclosuresByEntityUscc.totalCount),
    penalties: Number(e.penalties.totalCount),
  };
}

/** Where the two servers' answers differ, in words; empty when they agree. */
export function differences(name: QueryName, hub: Digest, pg: Digest): string[] {
  const notes: string[] = [];
  const sameOrder = hub.ids.join() === pg.ids.join();
  if (!sameOrder) {
    const common = hub.ids.filter((id) => pg.ids.includes(id)).length;
    notes.push(`${name}: the servers return different rows (${common} of ${hub.ids.length} ids in common)`);
  }
  if (hub.ids.length !== pg.ids.length) notes.push(`${name}: hub returned ${hub.ids.length} rows, PostGraphile ${pg.ids.length}`);
  if (sameOrder && hub.titles.join('\u0000') !== pg.titles.join('\u0000')) notes.push(`${name}: same ids but different titles`);
  if (name === 'list') {
    const differ = hub.names.filter((n, i) => n !== pg.names[i]);
    if (differ.length) {
      notes.push(
        `list: ${differ.length} of ${hub.names.length} subject names differ: the hub also names subjects whose code fails its check ` +
          '(from disclosures.subject_name); PostGraphile only follows the foreign key to entities',
      );
    }
  } else {
    if (hub.names[0] !== pg.names[0]) notes.push('profile: the entity names differ');
    if (hub.total !== pg.total) notes.push(`profile: disclosures of the entity: hub ${hub.total} (subject or party, by domain), PostGraphile ${pg.total} (subject only)`);
    if (hub.penalties !== pg.penalties) notes.push(`profile: penalties: hub ${hub.penalties}, PostGraphile ${pg.penalties}`);
  }
  return notes;
}
