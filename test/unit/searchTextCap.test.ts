import { SEARCH_TEXT_MAX_CHARS, toDisclosureRow } from '../../src/sync/normalize';
import type { DisclosureInput } from '../../src/sync/stream';
import { MAPPING } from '../helpers/mapping';

// The attributes do not matter here; the cast spares a full air-quality reading.
const input = (title: string, extra: string[] = []): DisclosureInput => ({
  kind: 'air-quality-hourly',
  title,
  publishedAt: new Date('2026-11-01T00:00:00Z'),
  status: 'published',
  attributes: {},
  searchText: extra,
}) as unknown as DisclosureInput;

describe('search text', () => {
  test('is cut at the documented number of characters, the title first', () => {
    const row = toDisclosureRow(input('行政处罚决定书', ['事实'.repeat(100_000)]), { domain: 'ENVIRONMENT', stream: 'environment/air-hourly', sourceKey: 'k' }, MAPPING);
    expect(SEARCH_TEXT_MAX_CHARS).toBe(10_000);
    expect(row.search_text).toHaveLength(SEARCH_TEXT_MAX_CHARS);
    expect(row.search_text.startsWith('行政处罚决定书\n事实')).toBe(true);
  });

  test('is never cut inside a character outside the BMP, which would leave half a surrogate pair', () => {
    const title = `${'a'.repeat(SEARCH_TEXT_MAX_CHARS - 1)}𠮷𠮷`;
    const row = toDisclosureRow(input(title), { domain: 'ENVIRONMENT', stream: 'environment/air-hourly', sourceKey: 'k' }, MAPPING);
    expect(row.search_text).toBe('a'.repeat(SEARCH_TEXT_MAX_CHARS - 1));
  });

  test('short text is kept whole', () => {
    expect(toDisclosureRow(input('处罚', ['良']), { domain: 'ENVIRONMENT', stream: 'environment/air-hourly', sourceKey: 'k' }, MAPPING).search_text).toBe('处罚\n良');
  });
});
