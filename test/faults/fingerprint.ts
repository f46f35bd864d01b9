import type { Knex } from 'knex';

/**
 * What a sync leaves in the database, without what legitimately differs between two databases or
 * two runs (ids, times, seen-counts, run ids). Two databases synced from the same feed must have
 * equal fingerprints however many runs, retries and failures it took to get there: that is the
 * convergence property of the fault suite.
 */
export interface Fingerprint {
  /** One line per stored disclosure: `stream|source_key|kind|status|content_hash|v<version>`. */
  disclosures: string[];
  /** Parties linked to disclosures, per stream: a page written twice would link them twice. */
  parties: Record<string, number>;
  /** Previous versions kept, per stream: a record updated twice for one change shows here. */
  revisions: Record<string, number>;
  /** Every quarantine entry: `stream|identity|payload_hash|stage|status`. */
  quarantine: string[];
  entities: string[];
  /** Every review item (保密审查): `stream|source_key|content_hash|status`. A page written twice must not hold a record twice. */
  review: string[];
  /** Each stream's committed cursor. */
  cursors: Record<string, string | null>;
}

export async function fingerprint(knex: Knex): Promise<Fingerprint> {
  const disclosures = await knex('disclosures').select('stream', 'source_key', 'kind', 'status', 'content_hash', 'version');
  const revisions = await countByStream(knex, 'revisions');
  const parties = await countByStream(knex, 'disclosure_parties');
  const quarantine = await knex('quarantine').select('stream', 'source_key', 'payload_hash', 'stage', 'status');
  const entities = await knex('entities').select('uscc', 'name');
  const review = await knex('review_items').select('stream', 'source_key', 'content_hash', 'status');
  const cursors = await knex('sync_state').orderBy('stream').select('stream', 'cursor');
  return {
    // Sorted here, not by the database: the two backends may collate keys differently.
    disclosures: disclosures.map((d) => `${d.stream}|${d.source_key}|${d.kind}|${d.status}|${d.content_hash}|v${d.version}`).sort(),
    parties: Object.fromEntries(parties),
    revisions: Object.fromEntries(revisions),
    // A keyless entry is identified by its content.
    quarantine: quarantine.map((q) => `${q.stream}|${q.source_key ?? `payload:${q.payload_hash}`}|${q.payload_hash}|${q.stage}|${q.status}`).sort(),
    entities: entities.map((e) => `${e.uscc}|${e.name}`).sort(),
    review: review.map((i) => `${i.stream}|${i.source_key}|${i.content_hash}|${i.status}`).sort(),
    cursors: Object.fromEntries(cursors.map((c) => [c.stream, c.cursor])),
  };
}

/** Rows of a table that hangs off disclosures, per stream. */
async function countByStream(knex: Knex, table: 'revisions' | 'disclosure_parties'): Promise<Map<string, number>> {
  const rows = await knex(`${table} as t`).join('disclosures as d', 'd.id', 't.disclosure_id').groupBy('d.stream').select('d.stream', knex.raw('count(*)::int as n'));
  return new Map(rows.map((r: any) => [r.stream, Number(r.n)]));
}

/**
 * A database a fault stopped part-way holds what a clean sync would have, and nothing else: each
 * row it stored is a clean row — of the edition it was read from, or, for a row that read never
 * reached, of the one before (`allowed` lists those states) — never a half-written or doubled
 * version, each quarantine entry and review item is one a clean sync has too, and no record has
 * more revisions or parties than a clean sync gives it. Returns what is wrong, so a failure names
 * the rows.
 */
export function outsideOf(partial: Fingerprint, ...allowed: Fingerprint[]): string[] {
  const rows = new Set(allowed.flatMap((state) => state.disclosures));
  const entries = new Set(allowed.flatMap((state) => state.quarantine));
  const items = new Set(allowed.flatMap((state) => state.review));
  return [
    ...partial.disclosures.filter((row) => !rows.has(row)).map((row) => `disclosure not in a clean sync: ${row}`),
    ...partial.quarantine.filter((entry) => !entries.has(entry)).map((entry) => `quarantine entry not in a clean sync: ${entry}`),
    ...partial.review.filter((item) => !items.has(item)).map((item) => `review item not in a clean sync: ${item}`),
    ...(['parties', 'revisions'] as const).flatMap((what) =>
      Object.entries(partial[what])
        .filter(([stream, n]) => n > Math.max(...allowed.map((state) => state[what][stream] ?? 0)))
        .map(([stream, n]) => `${stream} has ${n} ${what}, a clean sync at most ${Math.max(...allowed.map((state) => state[what][stream] ?? 0))}`),
    ),
  ];
}

/**
 * Rows of `stream` in `status` that `before` did not have so: for a snapshot list whose read did
 * not complete, the entries it marked removed, which must be none.
 */
export function newlyInStatus(partial: Fingerprint, before: Fingerprint, stream: string, status: string): string[] {
  // A source key may hold "|" itself: the status is counted from the end of the line.
  const inStatus = (state: Fingerprint) => state.disclosures.filter((row) => row.startsWith(`${stream}|`) && row.split('|').at(-3) === status);
  const already = new Set(inStatus(before));
  return inStatus(partial).filter((row) => !already.has(row));
}

/**
 * The issue's "no fault leaves a run 'running' or a lease held": every run has ended, and no
 * lease row is held (a stream's lease is deleted when its run ends; a scheduler fire's lease is
 * kept, but marked completed).
 */
export async function leftOver(knex: Knex): Promise<{ running: string[]; leases: string[] }> {
  const running = await knex('sync_runs').where({ status: 'running' }).orderBy('id').select('id', 'stream', 'host', 'pid');
  const leases = await knex('scheduler_leases').whereNull('completed_at').orderBy('key').select('key', 'holder');
  return {
    running: running.map((r) => `run ${r.id} of ${r.stream} (${r.host}:${r.pid})`),
    leases: leases.map((l) => `${l.key} held by ${l.holder}`),
  };
}

/**
 * Every row counted once: over all runs of a stream, failed ones included, the inserts add up to
 * the rows stored, and the updates and removals to the revisions kept. A page whose write rolled
 * back must take its counts with it, and a page read twice (a retry, a rerun) must count as
 * unchanged the second time. Returns the streams whose ledger does not balance.
 */
export async function unbalancedLedgers(knex: Knex): Promise<string[]> {
  const counted = await knex('sync_runs')
    .groupBy('stream')
    .select('stream', knex.raw('sum(inserted)::int as inserted'), knex.raw('(sum(updated) + sum(removed))::int as revised'));
  const stored = await knex('disclosures').groupBy('stream').select('stream', knex.raw('count(*)::int as n'));
  const rows = new Map(stored.map((s: any) => [s.stream, Number(s.n)]));
  const revisions = await countByStream(knex, 'revisions');
  const byStream = new Map(counted.map((c: any) => [c.stream, { inserted: Number(c.inserted), revised: Number(c.revised) }]));
  const streams = [...new Set([...byStream.keys(), ...rows.keys()])].sort();
  return streams.flatMap((stream) => {
    const { inserted, revised } = byStream.get(stream) ?? { inserted: 0, revised: 0 };
    return [
      inserted !== (rows.get(stream) ?? 0) ? `${stream}: its runs inserted ${inserted} rows, ${rows.get(stream) ?? 0} are stored` : '',
      revised !== (revisions.get(stream) ?? 0) ? `${stream}: its runs updated or removed ${revised} rows, ${revisions.get(stream) ?? 0} revisions are kept` : '',
    ].filter(Boolean);
  });
}

/** The checks every fault test ends with, in one place: converged, settled, every row counted once. */
export async function expectConverged(knex: Knex, clean: Fingerprint): Promise<void> {
  const state = await fingerprint(knex);
  expect(state.disclosures.length).toBe(clean.disclosures.length);
  expect(state).toEqual(clean);
  expect(await leftOver(knex)).toEqual({ running: [], leases: [] });
  expect(await unbalancedLedgers(knex)).toEqual([]);
}
