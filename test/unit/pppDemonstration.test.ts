import { chineseNumber, decodeBatch, decodeDemonstration } from '../../src/domain/ppp';

describe('PPP demonstration listings', () => {
  it('batch numbers read as 第N批; -1 is 无批次信息', () => {
    expect(decodeBatch('1')).toEqual({ code: '1', name: '第一批' });
    expect(decodeBatch('4')).toEqual({ code: '4', name: '第四批' });
    expect(decodeBatch(3)).toEqual({ code: '3', name: '第三批' });
    expect(decodeBatch('-1')).toEqual({ code: '-1', name: '无批次信息' });
    expect(decodeBatch(-1)).toEqual({ code: '-1', name: '无批次信息' });
  });

  it('Chinese numerals for two-digit batches', () => {
    expect([1, 9, 10, 11, 20, 21, 99].map(chineseNumber)).toEqual(['一', '九', '十', '十一', '二十', '二十一', '九十九']);
  });

  it('a batch that is no number is rejected', () => {
    expect(() => decodeBatch('0')).toThrow(/batchNumber: "0" is not a batch number/);
    expect(() => decodeBatch('abc')).toThrow(/batchNumber/);
    expect(() => decodeBatch(100)).toThrow(/batchNumber/);
  });

  it('example 1 with listings: each listing decoded to batch and level', () => {
    expect(decodeDemonstration('1', [{ batchNumber: '3', exampleLevel: '0' }, { batchNumber: '2', exampleLevel: '1' }])).toEqual({
      isDemonstration: true,
      flag: { code: '1', name: '示范项目' },
      listings: [
        { batch: { code: '3', name: '第三批' }, level: { code: '0', name: '国家级' } },
        { batch: { code: '2', name: '第二批' }, level: { code: '1', name: '省级' } },
      ],
    });
  });

  it('example 2 is no demonstration project, whatever the list says', () => {
    expect(decodeDemonstration(2, [{ batchNumber: '1', exampleLevel: '2' }])).toEqual({
      isDemonstration: false,
      flag: { code: '2', name: '非示范项目' },
      listings: [],
    });
    expect(decodeDemonstration('2', null).listings).toEqual([]);
  });

  it('example 1 without a list is still a demonstration project', () => {
    expect(decodeDemonstration('1', undefined)).toMatchObject({ isDemonstration: true, listings: [] });
  });

  it('an unknown example flag throws', () => {
    expect(() => decodeDemonstration('3', [])).toThrow(/example: unknown code "3"/);
  });
});
