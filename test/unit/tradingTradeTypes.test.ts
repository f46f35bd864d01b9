import { AGENCY_ROLE, BIDDER_ROLE, TRADE_TYPES, procurementCategoryOf, procurementMethodOf, tradeTypeOf } from '../../src/domain/trading';

describe('trade types', () => {
  it('knows the four trades of a platform by name and common synonyms', () => {
    expect(TRADE_TYPES.map((t) => t.name)).toEqual(['工程建设', '政府采购', '土地使用权', '产权交易']);
    expect(tradeTypeOf('工程建设')?.type).toBe('construction');
    expect(tradeTypeOf(' 建设工程 ')?.type).toBe('construction');
    expect(tradeTypeOf('国有建设用地使用权')?.type).toBe('landUseRights');
    expect(tradeTypeOf('国有产权')?.type).toBe('propertyRights');
    expect(tradeTypeOf('医疗器械')).toBeUndefined();
  });

  it('procurement has a buyer and suppliers; a sale a transferor and a transferee', () => {
    expect(tradeTypeOf('政府采购')).toMatchObject({ procurement: true, initiatorRole: 'buyer', winnerRole: 'supplier' });
    expect(tradeTypeOf('工程建设')).toMatchObject({ procurement: true, initiatorRole: 'buyer', winnerRole: 'supplier' });
    expect(tradeTypeOf('土地使用权')).toMatchObject({ procurement: false, initiatorRole: 'transferor', winnerRole: 'transferee' });
    expect(tradeTypeOf('产权交易')).toMatchObject({ procurement: false, initiatorRole: 'transferor', winnerRole: 'transferee' });
    expect([AGENCY_ROLE, BIDDER_ROLE]).toEqual(['procuringEntity', 'tenderer']);
  });
});

describe('procurementMethodOf', () => {
  it.each([
    ['公开招标', 'open'],
    ['公开招标（资格预审）', 'selective'],
    ['邀请招标', 'selective'],
    ['竞争性谈判', 'limited'],
    ['竞争性磋商', 'limited'],
    ['询价', 'limited'],
    ['单一来源', 'direct'],
    ['单一来源采购', 'direct'],
    ['挂牌出让', 'open'],
    ['拍卖出让', 'open'],
    ['网络竞价', 'open'],
    ['协议转让', 'direct'],
  ])('%s → %s', (name, ocds) => {
    expect(procurementMethodOf(name)).toEqual({ name, ocds });
  });

  it('keeps an unknown method by name, with no OCDS method', () => {
    expect(procurementMethodOf(' 其他方式 ')).toEqual({ name: '其他方式', ocds: null });
  });
});

describe('procurementCategoryOf', () => {
  it('工程建设 is works, 政府采购 follows its 品目 category, sales have none', () => {
    const [construction, procurement, land] = TRADE_TYPES;
    expect(procurementCategoryOf(construction)).toBe('works');
    expect(procurementCategoryOf(procurement, '货物')).toBe('goods');
    expect(procurementCategoryOf(procurement, '服务')).toBe('services');
    expect(procurementCategoryOf(procurement, '工程')).toBe('works');
    expect(procurementCategoryOf(procurement)).toBeNull();
    expect(procurementCategoryOf(land, '货物')).toBeNull();
  });
});
