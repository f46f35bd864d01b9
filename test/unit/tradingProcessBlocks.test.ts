import { processAwards, processBuyer } from '../../src/domain/tradingProcessBlocks';
import type { TradingAward, TradingParty } from '../../src/domain/trading';

const CODE = '112306002718281848';
const buyer = (code: string, valid: boolean): TradingParty => ({
  id: valid ? `CN-USCC-${code}` : '大庆市卫生健康委员会',
  name: '大庆市卫生健康委员会',
  roles: ['buyer'],
  identifier: valid ? { scheme: 'CN-USCC', id: code, legalName: '大庆市卫生健康委员会' } : null,
  uscc: { code, valid, reason: valid ? null : 'check character' },
});
const notice = (parties: TradingParty[], awards: TradingAward[] = []) => ({ parties, awards, contracts: [] });

describe('a process compiled from its notices', () => {
  test('its buyer is as the latest notice with a valid code names it: a later typo does not hide the code', () => {
    const typo = buyer('112306002718281847', false);
    expect(processBuyer([notice([buyer(CODE, true)]), notice([typo])])?.identifier?.id).toBe(CODE);
    expect(processBuyer([notice([typo])])).toEqual(typo);
    expect(processBuyer([notice([])])).toBeNull();
  });

  test('each lot\'s award is its own: the result replaces the proposal of the same lot only', () => {
    const award = (id: string, status: 'pending' | 'active'): TradingAward => ({ id, status, date: null, suppliers: [], value: null });
    const awards = processAwards([
      notice([], [award('DQJS-2026-0012-001-award', 'pending')]),
      notice([], [award('DQJS-2026-0012-001-award', 'active')]),
      notice([], [award('DQJS-2026-0012-002-award', 'pending')]),
    ]);
    expect(awards.map((a) => [a.id, a.status])).toEqual([
      ['DQJS-2026-0012-001-award', 'active'],
      ['DQJS-2026-0012-002-award', 'pending'],
    ]);
  });
});
