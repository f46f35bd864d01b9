import type { Knex } from 'knex';
import { decideReview, listReviewItems, readAudit, recordRefusedDecision, reviewItem, reviewSummary, ReviewDecisionError } from '../../src/review/store';
import type { ReviewItemRecord } from '../../src/review/contract';
import { syncStream } from '../../src/sync/engine';
import { fastHttp } from '../helpers/feeds';
import { MAPPING, REVIEW } from '../helpers/mapping';
import { serveRecords, type RecordServer } from '../helpers/recordServer';
import { BANK_CARD, cleanPenalties, credit, keyOf, marked, penalties, PENALTIES, reviewed, withBankCard, withTradeSecret, type PenaltyRecord } from '../helpers/reviewRecords';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/testDatabase';

const WITHHOLD_BASIS = '《中华人民共和国政府信息公开条例》第十四条：依法确定为国家秘密的政府信息不予公开';

/**
 * Decisions on held records (保密审查), against a real database: approve publishes the held version,
 * redact publishes it masked, withhold keeps the record off the public store (its older version
 * too); each stands when the same content is synced again; each is in an audit log that cannot be
 * edited; a decision that cannot be made is refused, and the refusal is audited.
 */
describe.each(BACKENDS)('review decisions on %s', (backend) => {
  let db: TestDatabase;
  let knex: Knex;
  let feed: RecordServer;
  const base = cleanPenalties(9);
  const records: PenaltyRecord[] = base.slice(0, 5).map((r) => ({ ...r }));
  const sync = () => syncStream({ knex, connector: credit, stream: penalties, baseUrl: feed.url, mapping: MAPPING, review: REVIEW, http: fastHttp(), full: true });
  const published = (record: PenaltyRecord) => knex('disclosures').where({ stream: PENALTIES, source_key: keyOf(record) }).first();
  const itemOf = async (record: PenaltyRecord): Promise<ReviewItemRecord> => {
    const { items } = await listReviewItems(knex, { first: 100, status: 'all' });
    return items.filter((i) => i.sourceKey === keyOf(record)).at(-1)!;
  };
  const itemCount = async () => Number((await knex('review_items').count({ n: '*' }))[0].n);
  const decide = (item: ReviewItemRecord, decision: 'approve' | 'redact' | 'withhold', extra: { basis?: string; redactFields?: string[]; actor?: string } = {}) =>
    decideReview(knex, { id: item.id, decision, basis: extra.basis ?? '经审查，依法处理', redactFields: extra.redactFields, actor: extra.actor ?? 'wang', via: 'cli' });
  const refusals = async () => (await knex('review_audit').where({ action: 'refused' }).orderBy('id')).map((l) => ({ ...l, item_id: Number(l.item_id) }));

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    knex = db.knex;
    feed = await serveRecords('/credit/penalties', records, 4);
    await sync();
    // Two published records get held versions; three new records are held from the start.
    records[0] = withTradeSecret(base[0]);
    records[1] = marked(base[1]);
    records.push(marked(base[5]), withBankCard(base[6]), withTradeSecret(base[7]));
    const summary = await sync();
    expect(summary).toMatchObject({ held: 5, unchanged: 3 });
  });
  afterAll(async () => {
    await feed?.close();
    await db?.destroy();
  });

  test('approve publishes the held version as it is; the older version becomes a revision; the audit says who, when and why', async () => {
    const item = await itemOf(base[0]);
    const before = await published(base[0]);
    const decided = await decide(item, 'approve', { basis: '经审查不涉及商业秘密，同意公开', actor: 'wang' });
    expect(decided).toMatchObject({ status: 'approved', decidedBy: 'wang', basis: '经审查不涉及商业秘密，同意公开', redactFields: null, publishedId: Number(before.id) });
    expect(decided.decidedAt).toBeInstanceOf(Date);
    const after = await published(base[0]);
    expect(after).toMatchObject({ id: before.id, version: 2, content_hash: item.contentHash });
    expect(after.attributes.facts).toBe((reviewed(records[0]).row.attributes as { facts: string }).facts);
    const revisions = await knex('revisions').where({ disclosure_id: before.id });
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ version: 1, content_hash: before.content_hash, run_id: null });
    const [line] = await readAudit(knex, { itemId: item.id, first: 1 });
    expect(line).toMatchObject({ action: 'approve', actor: 'wang', via: 'cli', itemId: item.id, basis: '经审查不涉及商业秘密，同意公开' });
    expect(Date.now() - line.at.getTime()).toBeLessThan(60_000);
  });

  test('redact without fields publishes the held version with every finding masked and the rest intact', async () => {
    const item = await itemOf(base[5]);
    const decided = await decide(item, 'redact', { basis: '删除密级标志后公开', actor: 'li' });
    expect(decided).toMatchObject({ status: 'redacted', decidedBy: 'li', redactFields: null });
    const row = await published(base[5]);
    const clean = reviewed(base[5]).row;
    const facts: string = row.attributes.facts;
    expect(facts).not.toContain('机密');
    // Only the mark's span changed: the facts after it, and every other field, are the source's.
    expect(facts.endsWith((clean.attributes as { facts: string }).facts)).toBe(true);
    expect(row.title).toBe(clean.title);
    expect(row.search_text).not.toContain('机密');
    expect(decided.publishedId).toBe(Number(row.id));
  });

  test('redact with a field that is not in the row is refused, names the field, and is audited; with a field that is, that field is masked', async () => {
    const item = await itemOf(base[6]);
    const refused = decide(item, 'redact', { redactFields: ['attributes.nosuchfield'], actor: 'li' });
    await expect(refused).rejects.toThrow(ReviewDecisionError);
    await expect(refused).rejects.toThrow(/attributes\.nosuchfield/);
    expect((await reviewItem(knex, item.id))!.status).toBe('held');
    const [refusal] = (await refusals()).slice(-1);
    expect(refusal).toMatchObject({ actor: 'li', via: 'cli', item_id: item.id, redact_fields: ['attributes.nosuchfield'], reason: expect.stringMatching(/^redact refused: .*attributes\.nosuchfield/) });

    const decided = await decide(item, 'redact', { redactFields: ['attributes.facts'], basis: '删除银行卡号后公开', actor: 'li' });
    expect(decided.redactFields).toEqual(['attributes.facts']);
    const row = await published(base[6]);
    expect(JSON.stringify(row)).not.toContain(BANK_CARD);
    expect(row.title).toBe(reviewed(base[6]).row.title);
    const [line] = await readAudit(knex, { itemId: item.id, first: 1 });
    expect(line).toMatchObject({ action: 'redact', redactFields: ['attributes.facts'], basis: '删除银行卡号后公开' });
  });

  test('withhold publishes nothing and takes the older version off the public store, keeping it with the item', async () => {
    const item = await itemOf(base[1]);
    const before = await published(base[1]);
    expect(item.publishedId).toBe(Number(before.id));
    const decided = await decide(item, 'withhold', { basis: WITHHOLD_BASIS, actor: 'zhao' });
    expect(decided).toMatchObject({ status: 'withheld', decidedBy: 'zhao', basis: WITHHOLD_BASIS, publishedId: null });
    expect(await published(base[1])).toBeUndefined();
    expect(await knex('disclosure_parties').where({ disclosure_id: before.id })).toHaveLength(0);
    const [{ withdrawn }] = await knex('review_items').where({ id: item.id }).select('withdrawn');
    expect(withdrawn).toHaveLength(1);
    expect(withdrawn[0].disclosure).toMatchObject({ id: Number(before.id), source_key: keyOf(base[1]), content_hash: before.content_hash });
    expect(withdrawn[0].disclosure).not.toHaveProperty('search_grams');

    const stats = await reviewSummary(knex);
    expect(stats).toMatchObject({ approved: 1, redacted: 2, withheld: 1, held: 1 });
    expect(stats.withheldByCategory).toEqual({ 'state-secret': 1, 'commercial-secret': 0, personal: 0, 'sensitive-word': 0 });
  });

  test('the same content synced again keeps every decision: nothing is held again, the redaction and the withholding stay in force', async () => {
    const disclosures = await knex('disclosures').where({ stream: PENALTIES }).orderBy('id').select('id', 'content_hash', 'version');
    const items = await itemCount();
    const summary = await sync();
    // The trade-secret record (base[7]) is the only one still held.
    expect(summary).toMatchObject({ held: 1, inserted: 0, updated: 0, unchanged: records.length - 1 });
    expect(await itemCount()).toBe(items);
    expect(await knex('disclosures').where({ stream: PENALTIES }).orderBy('id').select('id', 'content_hash', 'version')).toEqual(disclosures);
    expect(await published(base[1])).toBeUndefined();
  });

  test('withheld content sent again takes off a version published in between', async () => {
    const index = records.findIndex((r) => keyOf(r) === keyOf(base[1]));
    records[index] = base[1];
    await sync();
    expect(await published(base[1])).toMatchObject({ content_hash: reviewed(base[1]).row.content_hash });
    records[index] = marked(base[1]);
    const summary = await sync();
    expect(summary.held).toBe(1);
    expect(await published(base[1])).toBeUndefined();
    const [{ withdrawn }] = await knex('review_items').where({ id: (await itemOf(base[1])).id }).select('withdrawn');
    expect(withdrawn).toHaveLength(2);
  });

  test('a decision that cannot be made is refused with what to do, and every refusal is audited', async () => {
    const before = (await refusals()).length;
    const approved = await itemOf(base[0]);
    const held = await itemOf(base[7]);
    // One after another, so the audit lines come in this order.
    const cases: Array<[() => Promise<unknown>, RegExp]> = [
      [() => decideReview(knex, { id: 987654, decision: 'approve', basis: '同意', actor: 'wang', via: 'graphql' }), /there is no review item 987654; list the held items/],
      [() => decide(held, 'withhold', { basis: '  ' }), /a decision needs its basis/],
      [() => decide(approved, 'withhold', { basis: WITHHOLD_BASIS }), /review item \d+ was already decided: approved by wang/],
      [() => decide(held, 'approve', { redactFields: ['attributes.facts'] }), /fields to redact are named for a redact decision only/],
    ];
    for (const [attempt, message] of cases) {
      const refused = attempt();
      await expect(refused).rejects.toThrow(ReviewDecisionError);
      await expect(refused).rejects.toThrow(message);
    }
    // The source corrects the held record before anyone decides: its item is superseded.
    const index = records.findIndex((r) => keyOf(r) === keyOf(base[7]));
    records[index] = base[7];
    await sync();
    await expect(decide(held, 'approve')).rejects.toThrow(/review item \d+ is superseded: the source changed the record/);

    const lines = (await refusals()).slice(before);
    expect(lines.map((l) => l.item_id)).toEqual([987654, held.id, approved.id, held.id, held.id]);
    expect(lines[0]).toMatchObject({ actor: 'wang', via: 'graphql', reason: expect.stringMatching(/^approve refused: there is no review item 987654/) });
    expect(await published(base[0])).toMatchObject({ content_hash: approved.contentHash });
  });

  test('an attempt without a valid admin token is recorded as refused, with no actor', async () => {
    const item = await itemOf(base[1]);
    const entry = await recordRefusedDecision(knex, { itemId: item.id, via: 'graphql', decision: 'approve', basis: '同意', reason: 'no admin token: send Authorization: Bearer <token>' });
    expect(entry).toMatchObject({ action: 'refused', actor: null, via: 'graphql', itemId: item.id, reason: 'approve refused: no admin token: send Authorization: Bearer <token>' });
    const [newest] = await readAudit(knex, { first: 1 });
    expect(newest).toEqual(entry);
  });

  test('the audit log reads newest first, per item, and can be neither updated, deleted nor truncated', async () => {
    const item = await itemOf(base[0]);
    const lines = await readAudit(knex, { itemId: item.id, first: 10 });
    expect(lines.map((l) => l.action)).toEqual(['refused', 'approve', 'hold']);
    const count = async () => Number((await knex('review_audit').count({ n: '*' }))[0].n);
    const total = await count();
    await expect(knex('review_audit').where({ id: lines[1].id }).update({ actor: 'someone else' })).rejects.toThrow(/review_audit is append-only: UPDATE refused/);
    await expect(knex('review_audit').where({ id: lines[1].id }).delete()).rejects.toThrow(/review_audit is append-only: DELETE refused/);
    await expect(knex.raw('TRUNCATE review_audit')).rejects.toThrow(/review_audit is append-only: TRUNCATE refused/);
    expect(await count()).toBe(total);
    expect((await readAudit(knex, { itemId: item.id, first: 10 }))[1]).toEqual(lines[1]);
    const older = await readAudit(knex, { first: 2, before: lines[1].id });
    expect(older.every((l) => l.id < lines[1].id)).toBe(true);
  });
});
