import { processStage, type NoticeType, type StageNotice } from '../../src/domain/trading';

/** Notices on consecutive days of March 2026, in the order given. */
function notices(...types: NoticeType[]): StageNotice[] {
  return types.map((type, i) => ({ type, publishedAt: new Date(Date.UTC(2026, 2, 2 + i, 1, 30)) }));
}

describe('processStage', () => {
  it.each<[NoticeType[], string]>([
    [['tender'], 'tender'],
    [['tender', 'qualification'], 'qualification'],
    [['tender', 'candidates'], 'award'],
    [['tender', 'candidates', 'award'], 'award'],
    [['tender', 'award', 'contract'], 'contract'],
    [['tender', 'candidates', 'award', 'contract', 'implementation'], 'implementation'],
  ])('%j → %s', (types, stage) => {
    expect(processStage(notices(...types))).toMatchObject({ stage, amended: false, cancelled: false });
  });

  it('an amendment marks the process amended and does not move its stage', () => {
    expect(processStage(notices('tender', 'amendment'))).toMatchObject({ stage: 'tender', amended: true, cancelled: false });
    expect(processStage(notices('tender', 'amendment', 'award', 'contract'))).toMatchObject({ stage: 'contract', amended: true });
    // An amendment of a result notice leaves the process at its result.
    expect(processStage(notices('tender', 'award', 'amendment'))).toMatchObject({ stage: 'award', amended: true });
  });

  it('a process known only from an amendment is at the tender stage', () => {
    expect(processStage(notices('amendment'))).toMatchObject({ stage: 'tender', amended: true });
  });

  it('a cancellation wins, whatever came before or after it', () => {
    expect(processStage(notices('tender', 'cancellation'))).toMatchObject({ stage: 'cancelled', cancelled: true, amended: false });
    expect(processStage(notices('tender', 'candidates', 'cancellation'))).toMatchObject({ stage: 'cancelled', cancelled: true });
    expect(processStage(notices('tender', 'amendment', 'cancellation'))).toMatchObject({ stage: 'cancelled', cancelled: true, amended: true });
    expect(processStage(notices('cancellation', 'award', 'contract'))).toMatchObject({ stage: 'cancelled' });
  });

  it('out-of-order notices give the same stage: the stage is the furthest notice, not the latest', () => {
    const inOrder = notices('tender', 'amendment', 'candidates', 'award', 'contract');
    const shuffled = [inOrder[3], inOrder[0], inOrder[4], inOrder[2], inOrder[1]];
    expect(processStage(shuffled)).toEqual(processStage(inOrder));
    // A contract notice published (or backdated) before the award notice: still at the contract.
    const backdated = [
      { type: 'tender' as const, publishedAt: '2026-03-02 09:00:00' },
      { type: 'contract' as const, publishedAt: '2026-04-01 09:00:00' },
      { type: 'award' as const, publishedAt: '2026-04-03 09:00:00' },
    ];
    expect(processStage(backdated).stage).toBe('contract');
  });

  it('lastNoticeAt is the latest publication time, in any order and any written form', () => {
    const result = processStage([
      { type: 'award', publishedAt: '2026-03-20 10:00:00' },
      { type: 'tender', publishedAt: new Date('2026-03-02T01:00:00Z') },
      { type: 'candidates', publishedAt: '2026-03-16T17:00:00+08:00' },
    ]);
    expect(result.lastNoticeAt.toISOString()).toBe('2026-03-20T02:00:00.000Z');
  });

  it('refuses an empty process, an unknown type and an unreadable time, saying which', () => {
    expect(() => processStage([])).toThrow(/at least one notice/);
    expect(() => processStage([{ type: 'bid' as NoticeType, publishedAt: new Date() }])).toThrow(/unknown notice type "bid"/);
    expect(() => processStage([...notices('tender'), { type: 'award', publishedAt: '2026-02-30' }])).toThrow(/notice 1: publishedAt "2026-02-30" is not a date/);
    expect(() => processStage([{ type: 'award', publishedAt: new Date('nonsense') }])).toThrow(/notice 0/);
  });
});
