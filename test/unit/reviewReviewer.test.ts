import type { ReviewRule } from '../../src/review/contract';
import { formatFieldPath, parseFieldPath } from '../../src/review/fieldPath';
import { createReviewer } from '../../src/review/reviewer';
import { DEFAULT_REVIEW_RULES } from '../../src/review/rules';
import { contentHash, type DisclosureRow } from '../../src/sync/normalize';
import { penaltyRow } from '../helpers/penaltyRow';

/**
 * The reviewer over whole mapped rows: which texts it reads and how it names them, what a mask
 * rule changes in the row (its text, search text and hash), what a hold rule reports, and that a
 * row with nothing to find goes on as the same object.
 */

const ID = '230602197803151233';
const ID_2 = '23060319851122004X';
const MOBILE = '13812345678';

const disclosureRow = penaltyRow;

const review = createReviewer(DEFAULT_REVIEW_RULES);

describe('a row with nothing to find', () => {
  it('goes on as the same object, with no findings and nothing masked', () => {
    const row = disclosureRow();
    const outcome = review(row);
    expect(outcome.row).toBe(row);
    expect(outcome).toEqual({ row, findings: [], masked: 0 });
  });

  it('does not read personal, which is never served', () => {
    const row = disclosureRow({ personal: { idNumber: ID, phone: MOBILE } });
    expect(review(row).row).toBe(row);
  });
});

describe('hold rules', () => {
  it('report every served text by its path, with a masked excerpt, and leave the row as it was', () => {
    const row = disclosureRow({
      title: '【内部】行政处罚决定书',
      publisher: '大庆市萨尔图区城市管理综合执法局（机密）',
      subject_name: `张某（身份证号码${ID}）`,
      parties: [
        { role: 'offender', name: '大庆某某商贸有限公司', uscc: null, uscc_valid: null, entity_uscc: null },
        { role: 'offender', name: `李某 ${ID_2}`, uscc: null, uscc_valid: null, entity_uscc: null },
      ],
      attributes: { facts: '经查，当事人', lots: [{ title: '第一包', items: ['设备', '本页含商业秘密。'] }] },
    });
    const outcome = review(row);
    expect(outcome.row).toBe(row);
    expect(outcome.masked).toBe(0);
    expect(outcome.findings).toEqual([
      { rule: 'classification-mark', category: 'state-secret', field: 'title', start: 1, end: 3, excerpt: '【**】行政处罚决定书' },
      { rule: 'classification-mark', category: 'state-secret', field: 'publisher', start: 17, end: 19, excerpt: '…城市管理综合执法局（**）' },
      { rule: 'id-number', category: 'personal', field: 'subject.name', start: 8, end: 26, excerpt: '张某（身份证号码230602********1233）' },
      { rule: 'id-number', category: 'personal', field: 'parties[1].name', start: 3, end: 21, excerpt: '李某 230603********004X' },
      { rule: 'commercial-secret', category: 'commercial-secret', field: 'attributes.lots[0].items[1]', start: 3, end: 7, excerpt: '本页含****。' },
    ]);
  });

  it('an excerpt shows ten characters either side and masks every found span in reach', () => {
    const facts = `经查，当事人张某某与李某某（身份证号码${ID}、${ID_2}）于2026年2月1日在萨尔图区东风路倾倒建筑垃圾。`;
    const { findings } = review(disclosureRow({ attributes: { facts } }));
    expect(findings.map((f) => [f.field, facts.slice(f.start, f.end)])).toEqual([
      ['attributes.facts', ID],
      ['attributes.facts', ID_2],
    ]);
    expect(findings[0].excerpt).toBe('…与李某某（身份证号码230602********1233、230603********004X…');
    expect(findings[1].excerpt).toBe('…230602********1233、230603********004X）于2026年2月1…');
    for (const f of findings) expect(f.excerpt).not.toMatch(/\d{8}/);
  });

  it('a disabled rule finds nothing', () => {
    const rules = DEFAULT_REVIEW_RULES.map((r) => (r.id === 'id-number' ? { ...r, enabled: false } : r));
    const row = disclosureRow({ attributes: { facts: `身份证号码${ID}` } });
    expect(createReviewer(rules)(row).findings).toEqual([]);
  });
});

describe('mask rules', () => {
  const row = disclosureRow({
    attributes: { facts: `当事人张某（联系电话${MOBILE}）随意倾倒建筑垃圾。`, lots: [{ title: '第一包' }] },
    search_text: `行政处罚决定书\n张某\n当事人张某（联系电话${MOBILE}）随意倾倒建筑垃圾。`,
  });
  const outcome = review(row);

  it('mask what they find where it stands, in its privacy form', () => {
    expect(outcome.masked).toBe(1);
    expect(outcome.findings).toEqual([]);
    expect(outcome.row.attributes).toEqual({ facts: '当事人张某（联系电话138****5678）随意倾倒建筑垃圾。', lots: [{ title: '第一包' }] });
  });

  it('make the same substitution in the search text and hash the row as it now is', () => {
    expect(outcome.row.search_text).toBe('行政处罚决定书\n张某\n当事人张某（联系电话138****5678）随意倾倒建筑垃圾。');
    const { content_hash, ...rest } = outcome.row;
    expect(content_hash).toBe(contentHash(rest));
    expect(content_hash).not.toBe(row.content_hash);
  });

  it('copy only what changed: the input row is untouched and the unchanged parts are shared', () => {
    expect(row.attributes).toEqual({ facts: `当事人张某（联系电话${MOBILE}）随意倾倒建筑垃圾。`, lots: [{ title: '第一包' }] });
    expect((outcome.row.attributes as { lots: unknown }).lots).toBe((row.attributes as { lots: unknown }).lots);
    expect(outcome.row.parties).toBe(row.parties);
  });

  it('run before hold rules, so a finding’s offsets are offsets in the returned row', () => {
    const rules: ReviewRule[] = DEFAULT_REVIEW_RULES.map((r) => (r.id === 'home-address' ? { ...r, action: 'mask' } : r));
    const facts = `张某，男，住大庆市萨尔图区东风路12号3栋2单元501室，身份证号码${ID}。`;
    const result = createReviewer(rules)(disclosureRow({ attributes: { facts } }));
    const served = (result.row.attributes as { facts: string }).facts;
    expect(served).toBe(`张某，男，住大庆市萨尔图区****，身份证号码${ID}。`);
    expect(result.findings).toHaveLength(1);
    expect(served.slice(result.findings[0].start, result.findings[0].end)).toBe(ID);
  });

  it('review the same content alike every time (a re-sync finds the same hash)', () => {
    expect(review(row)).toEqual(outcome);
  });
});

describe('rules the reviewer refuses', () => {
  it('a mark or word rule without terms', () => {
    const rule: ReviewRule = { id: 'codenames', label: '代号', category: 'sensitive-word', detector: 'word', action: 'hold', terms: [], enabled: true };
    expect(() => createReviewer([rule])).toThrow('review rule codenames (word) lists no terms');
  });
});

describe('field paths', () => {
  it.each([
    [['title'], 'title'],
    [['subject', 'name'], 'subject.name'],
    [['parties', 2, 'name'], 'parties[2].name'],
    [['attributes', 'lots', 0, 'title'], 'attributes.lots[0].title'],
    [['attributes', '处罚事由'], 'attributes.处罚事由'],
    [['attributes', 'a.b', 'c d'], 'attributes["a.b"]["c d"]'],
  ])('%j reads as %s and back', (segments, path) => {
    expect(formatFieldPath(segments)).toBe(path);
    expect(parseFieldPath(path)).toEqual(segments);
  });

  it('text that is no path parses as null', () => {
    for (const path of ['', '.title', 'attributes..facts', 'attributes[x]', 'lots[0]title']) expect(parseFieldPath(path)).toBeNull();
  });
});
