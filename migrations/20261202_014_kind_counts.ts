import type { Knex } from 'knex';

/**
 * How many disclosures each (domain, kind) holds, kept by PostgreSQL as rows come and go.
 *
 * A domain's page (the portal's domain buttons and kind filters) shows its total, and counting it
 * meant reading every index entry of the domain on every request: 30,000 at 300,000 disclosures,
 * the page's whole cost there. The `disclosures` table is what is public, so its rows by domain and
 * kind are the totals of those lists; the page reads them from here
 * (src/graphql/disclosures/kindCounts.ts).
 *
 * Triggers keep the counts, so every path that writes disclosures (a sync's page, a review
 * decision that publishes or withholds, a withdrawal, a replay) keeps them in its own transaction
 * without knowing: inserts and deletes add their rows by (domain, kind) once per statement, from
 * the statement's transition table; an update that moves a row to another domain or kind (a new
 * version of a record that is now of another kind) moves its count, and only such an update runs
 * the row trigger. Every writer takes the shared-writes turn
 * (src/sync/store/sharedWrites.ts) before it writes a disclosure, so two transactions never hold
 * counts rows in opposite orders.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE disclosure_kind_counts (
      domain text NOT NULL,
      kind text NOT NULL,
      count bigint NOT NULL,
      PRIMARY KEY (domain, kind)
    )`);
  await knex.raw('INSERT INTO disclosure_kind_counts (domain, kind, count) SELECT domain, kind, count(*) FROM disclosures GROUP BY domain, kind');
  await knex.raw(`
    CREATE FUNCTION disclosure_kind_counts_added() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO disclosure_kind_counts AS c (domain, kind, count)
        SELECT domain, kind, count(*) FROM added GROUP BY domain, kind ORDER BY domain, kind
        ON CONFLICT (domain, kind) DO UPDATE SET count = c.count + EXCLUDED.count;
      RETURN NULL;
    END
    $$`);
  await knex.raw(`
    CREATE FUNCTION disclosure_kind_counts_removed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE disclosure_kind_counts c SET count = c.count - r.count
        FROM (SELECT domain, kind, count(*) AS count FROM removed GROUP BY domain, kind ORDER BY domain, kind) r
        WHERE c.domain = r.domain AND c.kind = r.kind;
      RETURN NULL;
    END
    $$`);
  await knex.raw(`
    CREATE FUNCTION disclosure_kind_counts_moved() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE disclosure_kind_counts SET count = count - 1 WHERE domain = OLD.domain AND kind = OLD.kind;
      INSERT INTO disclosure_kind_counts AS c (domain, kind, count) VALUES (NEW.domain, NEW.kind, 1)
        ON CONFLICT (domain, kind) DO UPDATE SET count = c.count + 1;
      RETURN NULL;
    END
    $$`);
  await knex.raw(`
    CREATE FUNCTION disclosure_kind_counts_emptied() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM disclosure_kind_counts;
      RETURN NULL;
    END
    $$`);
  await knex.raw(`
    CREATE TRIGGER disclosure_kind_counts_added AFTER INSERT ON disclosures
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION disclosure_kind_counts_added()`);
  await knex.raw(`
    CREATE TRIGGER disclosure_kind_counts_removed AFTER DELETE ON disclosures
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION disclosure_kind_counts_removed()`);
  await knex.raw(`
    CREATE TRIGGER disclosure_kind_counts_moved AFTER UPDATE OF domain, kind ON disclosures
    FOR EACH ROW WHEN (OLD.domain IS DISTINCT FROM NEW.domain OR OLD.kind IS DISTINCT FROM NEW.kind)
    EXECUTE FUNCTION disclosure_kind_counts_moved()`);
  await knex.raw(`
    CREATE TRIGGER disclosure_kind_counts_emptied AFTER TRUNCATE ON disclosures
    FOR EACH STATEMENT EXECUTE FUNCTION disclosure_kind_counts_emptied()`);
}

export async function down(knex: Knex): Promise<void> {
  for (const trigger of ['added', 'removed', 'moved', 'emptied']) {
    await knex.raw(`DROP TRIGGER disclosure_kind_counts_${trigger} ON disclosures`);
    await knex.raw(`DROP FUNCTION disclosure_kind_counts_${trigger}()`);
  }
  await knex.raw('DROP TABLE disclosure_kind_counts');
}
