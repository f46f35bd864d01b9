import { REDACTED_FIELD, RedactFieldError, redactRow } from '../../src/review/redaction';
import { createReviewer } from '../../src/review/reviewer';
import { DEFAULT_REVIEW_RULES } from '../../src/review/rules';
import { SEARCH_TEXT_MAX_CHARS, contentHash, type DisclosureRow } from '../../src/sync/normalize';
import { penaltyRow } from '../helpers/penaltyRow';

/**
 * An admin's redaction of a held row (decideReview REDACT): the findings' spans or the named
 * fields masked, the rest intact, the search text alike, and the same result every time.
 */

const ID = '230602197803151233';
const FACTS = `经查，当事人张某（身份证号码${ID}）于2026年2月1日随意倾倒建筑垃圾。`;

/** The penalty row with a mark in its title and an ID number in its facts. */
function heldRow(fields: Partial<Omit<DisclosureRow, 'content_hash'>> = {}): DisclosureRow {
  return penaltyRow({
    title: '【内部】行政处罚决定书',
    attributes: { facts: FACTS, sex: '男', lots: [{ title: '第一包', note: '设备' }] },
    search_text: `【内部】行政处罚决定书\n张某\n大庆市萨尔图区城市管理综合执法局\n萨尔图区\n男\n${FACTS}`,
    ...fields,
  });
}

const review = createReviewer(DEFAULT_REVIEW_RULES);
const row = heldRow();
const { findings } = review(row);
const facts = (r: DisclosureRow) => (r.attributes as { facts: string }).facts;
const hashOf = (r: DisclosureRow) => {
  const { content_hash: _hash, ...rest } = r;
  return contentHash(rest);
};

it('the held row has the findings these tests redact', () => {
  expect(findings.map((f) => [f.rule, f.field])).toEqual([
    ['classification-mark', 'title'],
    ['id-number', 'attributes.facts'],
  ]);
});

describe('without fields', () => {
  const redacted = redactRow(row, findings);

  it('masks every finding’s span with one * per character and keeps the rest', () => {
    expect(redacted.title).toBe('【**】行政处罚决定书');
    expect(facts(redacted)).toBe(FACTS.replace(ID, '*'.repeat(18)));
    expect(redacted.attributes).toMatchObject({ sex: '男', lots: [{ title: '第一包', note: '设备' }] });
    expect(redacted.publisher).toBe(row.publisher);
  });

  it('makes the same substitutions in the search text and hashes the row as it now is', () => {
    expect(redacted.search_text).not.toContain(ID);
    expect(redacted.search_text).toBe(row.search_text.replace('【内部】', '【**】').replace(ID, '*'.repeat(18)));
    expect(redacted.content_hash).toBe(hashOf(redacted));
    expect(redacted.content_hash).not.toBe(row.content_hash);
  });

  it('leaves the held row as it was', () => {
    expect(facts(row)).toBe(FACTS);
    expect(row.content_hash).toBe(hashOf(row));
  });

  it('a redacted row has nothing left for those rules to find', () => {
    expect(review(redacted).findings).toEqual([]);
  });
});

describe('with fields', () => {
  it('masks the findings’ spans in a named field with findings, and a named field without any whole', () => {
    const redacted = redactRow(row, findings, ['attributes.facts', 'attributes.sex']);
    expect(facts(redacted)).toBe(FACTS.replace(ID, '*'.repeat(18)));
    expect((redacted.attributes as { sex: string }).sex).toBe(REDACTED_FIELD);
    expect(REDACTED_FIELD).toBe('［已删除］');
    // Not named: the title keeps its mark although it has a finding.
    expect(redacted.title).toBe(row.title);
  });

  it('a field redacted whole is taken out of the search text only where it is a whole line', () => {
    const redacted = redactRow(row, findings, ['attributes.sex']);
    expect(redacted.search_text).toBe(row.search_text.replace('\n男\n', `\n${REDACTED_FIELD}\n`));
    expect(redacted.search_text).toContain('张某');
  });

  it('a name covers every text below it', () => {
    const redacted = redactRow(row, findings, ['attributes.lots']);
    expect(redacted.attributes).toMatchObject({ lots: [{ title: REDACTED_FIELD, note: REDACTED_FIELD }], sex: '男' });
  });

  it('a field the row does not have is refused, naming it and the row’s text fields', () => {
    expect(() => redactRow(row, findings, ['attributes.fact'])).toThrow(RedactFieldError);
    expect(() => redactRow(row, findings, ['attributes.fact'])).toThrow(
      'the record has no text field attributes.fact; name one of its text fields: title, publisher, subject.name, parties[0].name, attributes.facts, attributes.sex, attributes.lots[0].title, attributes.lots[0].note',
    );
  });

  it('the same row, findings and fields give the same row and hash, whatever their order', () => {
    const a = redactRow(row, findings, ['attributes.sex', 'title', 'attributes.facts']);
    const b = redactRow(row, [...findings].reverse(), ['attributes.facts', 'title', 'attributes.sex']);
    expect(b).toEqual(a);
    expect(b.content_hash).toBe(a.content_hash);
  });
});

describe('findings that are not the row’s', () => {
  it('a finding outside its field’s text is refused', () => {
    expect(() => redactRow(row, [{ ...findings[0], start: 0, end: 400 }])).toThrow(/spans 0–400, outside the field's 11 characters/);
  });

  it('a finding in a field the row does not serve is refused', () => {
    expect(() => redactRow(row, [{ ...findings[0], field: 'attributes.remarks' }])).toThrow(RedactFieldError);
  });
});

it('a search text cut at its maximum in the middle of a span has the cut part masked', () => {
  // The cut falls after the ID's first six digits (FACTS has 14 characters before the ID).
  const lead = 'x'.repeat(SEARCH_TEXT_MAX_CHARS - 20);
  const cut = heldRow({ search_text: `${lead}${FACTS}`.slice(0, SEARCH_TEXT_MAX_CHARS) });
  const tail = cut.search_text.slice(-10);
  expect(ID.startsWith(tail.slice(tail.indexOf('2')))).toBe(true);
  const redacted = redactRow(cut, review(cut).findings);
  expect(redacted.search_text).toHaveLength(SEARCH_TEXT_MAX_CHARS);
  expect(redacted.search_text).not.toMatch(/2306/);
});
