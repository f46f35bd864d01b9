import { contentHash, type DisclosureRow } from '../../src/sync/normalize';

/**
 * A mapped penalty row as toDisclosureRow makes it (a natural person's decision by a Saertu
 * authority), its hash computed the same way; `fields` replace any column.
 */
export function penaltyRow(fields: Partial<Omit<DisclosureRow, 'content_hash'>> = {}): DisclosureRow {
  const facts = '当事人于2026年2月1日在萨尔图区东风路随意倾倒建筑垃圾。';
  const row: Omit<DisclosureRow, 'content_hash'> = {
    domain: 'credit',
    kind: 'administrative-penalty',
    stream: 'credit/penalties',
    source_key: '庆萨城执法罚〔2026〕5号',
    title: '大庆市萨尔图区城市管理综合执法局行政处罚决定书',
    publisher: '大庆市萨尔图区城市管理综合执法局',
    region: '萨尔图区',
    published_at: new Date('2026-03-02T00:00:00Z'),
    source_updated_at: new Date('2026-03-03T02:00:00Z'),
    status: 'active',
    subject_uscc: null,
    links: null,
    subject_name: '张某',
    subject_uscc_valid: null,
    subject_uscc_reason: null,
    entity_uscc: null,
    source_url: null,
    attributes: { facts, basis: '《城市建筑垃圾管理规定》第二十六条', amount: 200, lots: [{ title: '第一包', note: null }] },
    personal: null,
    search_text: `大庆市萨尔图区城市管理综合执法局行政处罚决定书\n张某\n大庆市萨尔图区城市管理综合执法局\n萨尔图区\n${facts}`,
    parties: [{ role: 'offender', name: '张某', uscc: null, uscc_valid: null, entity_uscc: null }],
    ...fields,
  };
  return { ...row, content_hash: contentHash(row) };
}
