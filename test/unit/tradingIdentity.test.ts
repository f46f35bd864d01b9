import { awardIdOf, contractIdOf, normalizeProjectCode, ocdsPartyId } from '../../src/domain/trading';

describe('process identities', () => {
  it('a project code written in other cases, widths and blanks is one code', () => {
    for (const written of ['SJZCG-2026-0012', 'sjzcg-2026-0012', ' SJZCG-2026-0012 ', 'SJZCG－2026－0012', 'ＳＪＺＣＧ-2026-0012']) {
      expect(normalizeProjectCode(written)).toBe('SJZCG-2026-0012');
    }
  });

  it('a party is identified by its valid credit code, else by its name', () => {
    expect(ocdsPartyId('深圳某公司', '914403001922038216')).toBe('CN-USCC-914403001922038216');
    expect(ocdsPartyId('深圳某公司', ' 914403001922038216 ')).toBe('CN-USCC-914403001922038216');
    // A typo or a placeholder must not become an id that merges strangers.
    expect(ocdsPartyId('深圳某公司', '914403001922038217')).toBe('NAME-深圳某公司');
    expect(ocdsPartyId('甲公司', '00000000000000000X')).not.toBe(ocdsPartyId('乙公司', '00000000000000000X'));
    expect(ocdsPartyId(' 甲公司 ')).toBe('NAME-甲公司');
  });

  it('the award and contract of a process have the same ids on every notice', () => {
    expect(awardIdOf('sjzcg-2026-0012')).toBe(awardIdOf('SJZCG-2026-0012'));
    expect(contractIdOf('SJZCG-2026-0012', ' SJZCG-2026-0012-HT01 ')).toBe('SJZCG-2026-0012-HT01');
    expect(contractIdOf('sjzcg-2026-0012')).toBe('SJZCG-2026-0012-contract');
    expect(contractIdOf('SJZCG-2026-0012', '')).toBe('SJZCG-2026-0012-contract');
  });
});
