import { awardIdOf, contractIdOf, normalizeLotCode, normalizeProjectCode, ocdsPartyId, processIdOf } from '../../src/domain/trading';

const SUPPLIER = { name: '大庆恒信医药有限公司', code: '9123060416180339XJ' };

describe('process identities', () => {
  it('a project code written in other cases, widths and blanks is one code', () => {
    for (const written of ['DQCG-2026-0012', 'dqcg-2026-0012', ' DQCG-2026-0012 ', 'DQCG－2026－0012', 'ＤＱＣＧ-2026-0012']) {
      expect(normalizeProjectCode(written)).toBe('DQCG-2026-0012');
    }
    expect(normalizeLotCode(' dqjs－2026－0012－002 ')).toBe('DQJS-2026-0012-002');
  });

  it('a party is identified by its valid credit code, else by its name', () => {
    expect(ocdsPartyId(SUPPLIER.name, SUPPLIER.code)).toBe(`CN-USCC-${SUPPLIER.code}`);
    expect(ocdsPartyId(SUPPLIER.name, ` ${SUPPLIER.code.toLowerCase()} `)).toBe(`CN-USCC-${SUPPLIER.code}`);
    // A typo or a placeholder must not become an id that merges strangers.
    expect(ocdsPartyId(SUPPLIER.name, '9123060416180339X1')).toBe(`NAME-${SUPPLIER.name}`);
    expect(ocdsPartyId('甲公司', '00000000000000000X')).not.toBe(ocdsPartyId('乙公司', '00000000000000000X'));
    expect(ocdsPartyId(' 甲公司 ')).toBe('NAME-甲公司');
  });

  it('a process is a lot of a project: its id is the lot code, or the project code when the project is not divided', () => {
    expect(processIdOf({ projectCode: 'DQJS-2026-0012', lotCode: 'DQJS-2026-0012-002' })).toBe('DQJS-2026-0012-002');
    // A lot numbered on its own (001) is numbered within its project.
    expect(processIdOf({ projectCode: 'DQJS-2026-0012', lotCode: '001' })).toBe('DQJS-2026-0012-001');
    expect(processIdOf({ projectCode: 'dqjs-2026-0012', lotCode: null })).toBe('DQJS-2026-0012');
  });

  it('the award and contract of a process have the same ids on every notice, and differ from lot to lot', () => {
    const lot1 = { projectCode: 'DQJS-2026-0012', lotCode: 'DQJS-2026-0012-001' };
    const lot2 = { projectCode: 'DQJS-2026-0012', lotCode: 'DQJS-2026-0012-002' };
    expect(awardIdOf(lot1)).toBe('DQJS-2026-0012-001-award');
    expect(awardIdOf(lot1)).not.toBe(awardIdOf(lot2));
    expect(awardIdOf({ projectCode: 'dqcg-2026-0012', lotCode: null })).toBe(awardIdOf({ projectCode: 'DQCG-2026-0012', lotCode: null }));
    expect(contractIdOf(lot1, ' DQJS-2026-0012-001-HT01 ')).toBe('DQJS-2026-0012-001-HT01');
    expect(contractIdOf(lot2)).toBe('DQJS-2026-0012-002-contract');
    expect(contractIdOf({ projectCode: 'DQCG-2026-0012', lotCode: null }, '')).toBe('DQCG-2026-0012-contract');
  });
});
