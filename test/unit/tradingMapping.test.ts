import { toTradingDisclosure } from '../../connectors/trading/notices/toDisclosure';
import type { TradingNoticeRecord } from '../../connectors/trading/notices/schema';
import { findUnmaskedPersonalInfo, maskPersonalInfo } from '../../src/domain/masking';
import type { TradingNoticeAttributes } from '../../src/domain/trading';

const BUYER = { buyerName: '大庆市人民医院', buyerCode: '122306003141592683' };
const SUPPLIER = { name: '大庆恒信医药有限公司', code: '9123060416180339XJ' };
const AGENCY = { agencyName: '大庆庆恒招标代理有限公司', agencyCode: '91230602MA1B2C3D8C' };

/** A 政府采购 notice of one process; tests override the fields of the type they look at. */
function notice(fields: Partial<TradingNoticeRecord>): TradingNoticeRecord {
  return {
    noticeId: 'GG202603020001201',
    noticeTypeCode: '01',
    noticeTypeName: '公开招标公告',
    noticeTitle: '大庆市人民医院医用直线加速器采购项目公开招标公告',
    projectCode: 'DQCG-2026-0012',
    projectName: '大庆市人民医院医用直线加速器采购项目',
    lotCode: 'DQCG-2026-0012-001',
    lotName: '大庆市人民医院医用直线加速器采购项目',
    tradeType: '政府采购',
    procurementMethod: '公开招标',
    purchaseCategory: '货物',
    region: '大庆市',
    platformName: '大庆市公共资源交易中心',
    ...BUYER,
    ...AGENCY,
    amountUnit: '元',
    contactPerson: '王芳',
    contactPhone: '13812345678',
    publishTime: '2026-03-02 09:12:00',
    ...fields,
  };
}

const attributesOf = (record: TradingNoticeRecord) => toTradingDisclosure(record).attributes as unknown as TradingNoticeAttributes;

describe('trading notice → disclosure', () => {
  it('a tender notice is about the buyer, carries the tender in 万元 and its period', () => {
    const d = toTradingDisclosure(notice({ budget: '13,850,000.00', bidDeadline: '2026-03-23 09:30' }));
    expect(d).toMatchObject({
      kind: 'trading-notice',
      title: '大庆市人民医院医用直线加速器采购项目公开招标公告',
      publisher: '大庆市公共资源交易中心',
      status: 'published',
      subject: { name: '大庆市人民医院', uscc: BUYER.buyerCode },
      // No link in the feed: the engine builds one from the platform's address pattern.
      sourceUrl: null,
    });
    expect(d.publishedAt.toISOString()).toBe('2026-03-02T01:12:00.000Z');
    const a = d.attributes as unknown as TradingNoticeAttributes;
    expect(a).toMatchObject({
      noticeType: { code: '01', name: '公开招标公告', type: 'tender', from: 'code' },
      ocdsTag: 'tender',
      projectCode: 'DQCG-2026-0012',
      lot: { code: 'DQCG-2026-0012-001', name: '大庆市人民医院医用直线加速器采购项目' },
      tradeType: { type: 'governmentProcurement', name: '政府采购', procurement: true },
      sourceAmountUnit: '元',
      publishedAt: '2026-03-02T09:12:00+08:00',
    });
    expect(a.tender).toEqual({
      id: 'DQCG-2026-0012',
      title: '大庆市人民医院医用直线加速器采购项目',
      status: 'active',
      value: { amountWan: 1385, currency: 'CNY' },
      procurementMethod: 'open',
      procurementMethodDetails: '公开招标',
      mainProcurementCategory: 'goods',
      tenderPeriod: { startDate: '2026-03-02T09:12:00+08:00', endDate: '2026-03-23T09:30:00+08:00' },
    });
  });

  it('buyer and agency are parties with OCDS roles; the engine gets the codes as written', () => {
    const d = toTradingDisclosure(notice({ agencyCode: ' 91230602ma1b2c3d8c ' }));
    expect(d.parties).toEqual([
      { role: 'buyer', name: '大庆市人民医院', uscc: BUYER.buyerCode },
      { role: 'procuringEntity', name: AGENCY.agencyName, uscc: ' 91230602ma1b2c3d8c ' },
    ]);
  });

  it('the contact person is the organisation\'s published business contact: served in full, as published', () => {
    for (const contactPerson of ['王芳', '欧阳建国']) {
      expect(attributesOf(notice({ contactPerson })).contact?.name).toBe(contactPerson);
    }
    expect(attributesOf(notice({ contactPerson: ' 王芳 ' })).contact?.name).toBe('王芳');
  });

  it('the phone goes through the masking rule: a mobile is masked, the original kept in `personal` only', () => {
    const d = toTradingDisclosure(notice({}));
    expect(d.personal).toEqual({ contactPhone: '13812345678' });
    expect((d.attributes as unknown as TradingNoticeAttributes).contact).toEqual({ name: '王芳', phone: '138****5678' });
    const visible = JSON.stringify([d.title, d.attributes, d.searchText, d.parties, d.subject]);
    expect(findUnmaskedPersonalInfo(visible)).toEqual([]);
    // An office line is the organisation's published contact (docs/standards/privacy.md): served as published.
    expect(attributesOf(notice({ contactPhone: '0459-4612345' })).contact).toEqual({ name: '王芳', phone: '0459-4612345' });
    expect(toTradingDisclosure(notice({ contactPhone: undefined, contactPerson: undefined })).personal).toBeNull();
  });

  it('candidates: the first-ranked candidate is a pending award; all are tenderers; the buyer stays the subject', () => {
    const d = toTradingDisclosure(
      notice({
        noticeTypeCode: '04',
        noticeTypeName: '中标候选人公示',
        tenderers: [
          { rank: 2, name: '大庆华远机械制造有限公司', code: '91230603141421351U', bidAmount: '1290000.00' },
          { rank: 1, ...SUPPLIER, bidAmount: '1,250,000.00' },
        ],
      }),
    );
    expect(d.subject?.name).toBe('大庆市人民医院');
    const a = d.attributes as unknown as TradingNoticeAttributes;
    expect(a.ocdsTag).toBe('award');
    expect(a.awards).toEqual([
      { id: 'DQCG-2026-0012-001-award', status: 'pending', date: null, suppliers: [{ id: `CN-USCC-${SUPPLIER.code}`, name: SUPPLIER.name }], value: { amountWan: 125, currency: 'CNY' } },
    ]);
    expect(a.tenderers.map((t) => [t.rank, t.bidValue?.amountWan])).toEqual([[2, 129], [1, 125]]);
    expect(d.parties?.filter((p) => p.role === 'tenderer')).toHaveLength(2);
  });

  it('an award notice is about the winner, who is a supplier party; amounts in 万元', () => {
    const d = toTradingDisclosure(
      notice({ noticeTypeCode: '05', noticeTypeName: '中标公告', winners: [{ ...SUPPLIER, amount: '1250000.00' }], awardDate: '2026-04-01' }),
    );
    expect(d.subject).toEqual({ name: SUPPLIER.name, uscc: SUPPLIER.code });
    expect(d.parties).toContainEqual({ role: 'supplier', name: SUPPLIER.name, uscc: SUPPLIER.code });
    const a = d.attributes as unknown as TradingNoticeAttributes;
    expect(a.tender.status).toBe('complete');
    expect(a.awards).toEqual([
      { id: 'DQCG-2026-0012-001-award', status: 'active', date: '2026-04-01T00:00:00+08:00', suppliers: [{ id: `CN-USCC-${SUPPLIER.code}`, name: SUPPLIER.name }], value: { amountWan: 125, currency: 'CNY' } },
    ]);
    const supplier = a.parties.find((p) => p.roles.includes('supplier'));
    expect(supplier).toEqual({
      id: `CN-USCC-${SUPPLIER.code}`,
      name: SUPPLIER.name,
      roles: ['supplier'],
      identifier: { scheme: 'CN-USCC', id: SUPPLIER.code, legalName: SUPPLIER.name },
      uscc: { code: SUPPLIER.code, valid: true, reason: null },
    });
  });

  it('a winner with a bad code keeps it, flagged, with no identifier and a name-based id', () => {
    const a = attributesOf(notice({ noticeTypeCode: '05', winners: [{ name: SUPPLIER.name, code: '9123060416180339X1', amount: 100 }] }));
    expect(a.parties.find((p) => p.roles.includes('supplier'))).toMatchObject({
      id: `NAME-${SUPPLIER.name}`,
      identifier: null,
      uscc: { code: '9123060416180339X1', valid: false, reason: expect.stringMatching(/check character/) },
    });
    expect(a.awards[0].suppliers[0].id).toBe(`NAME-${SUPPLIER.name}`);
  });

  it('a winner that was also a tenderer is one OCDS party with both roles', () => {
    const a = attributesOf(notice({ noticeTypeCode: '05', tenderers: [{ ...SUPPLIER }], winners: [{ ...SUPPLIER }] }));
    expect(a.parties.filter((p) => p.name === SUPPLIER.name).map((p) => p.roles)).toEqual([['tenderer', 'supplier']]);
  });

  it('a contract notice carries the contract, linked to the award, and is about the supplier', () => {
    const d = toTradingDisclosure(
      notice({
        noticeTypeCode: '06',
        noticeTypeName: '合同公告',
        winners: [{ ...SUPPLIER }],
        contractNo: 'DQCG-2026-0012-001-HT01',
        contractAmount: '1250000.00',
        signDate: '2026-04-10',
        contractStart: '2026-04-11',
        contractEnd: '2026-07-10',
      }),
    );
    expect(d.subject?.name).toBe(SUPPLIER.name);
    expect((d.attributes as unknown as TradingNoticeAttributes).contracts).toEqual([
      {
        id: 'DQCG-2026-0012-001-HT01',
        awardID: 'DQCG-2026-0012-001-award',
        status: 'active',
        value: { amountWan: 125, currency: 'CNY' },
        period: { startDate: '2026-04-11T00:00:00+08:00', endDate: '2026-07-10T00:00:00+08:00' },
        dateSigned: '2026-04-10T00:00:00+08:00',
        implementation: null,
      },
    ]);
  });

  it('an acceptance notice is the contract’s implementation, a delivery milestone met or not', () => {
    const accepted = attributesOf(notice({ noticeTypeCode: '07', winners: [{ ...SUPPLIER }], contractNo: 'HT01', acceptanceDate: '2026-07-08', acceptanceResult: '合格' }));
    expect(accepted.ocdsTag).toBe('implementation');
    expect(accepted.contracts[0].implementation).toEqual({
      milestones: [{ id: 'HT01-acceptance', title: '履约验收', type: 'delivery', status: 'met', dateMet: '2026-07-08T00:00:00+08:00' }],
    });
    const rejected = attributesOf(notice({ noticeTypeCode: '07', contractNo: 'HT01', acceptanceDate: '2026-07-08', acceptanceResult: '不合格' }));
    expect(rejected.contracts[0].implementation?.milestones[0]).toMatchObject({ status: 'notMet', dateMet: null });
  });

  it('an amendment is published, names what it amends, and may move the deadline', () => {
    const d = toTradingDisclosure(
      notice({ noticeId: 'GG202603080001202', noticeTypeCode: '03', noticeTypeName: '更正公告', amendedNoticeId: 'GG202603020001201', amendReason: '投标截止时间延期', bidDeadline: '2026-03-30 09:30:00' }),
    );
    expect(d.status).toBe('published');
    const a = d.attributes as unknown as TradingNoticeAttributes;
    expect(a.ocdsTag).toBe('tenderAmendment');
    expect(a.amendment).toEqual({ id: 'GG202603080001202', date: '2026-03-02T09:12:00+08:00', rationale: '投标截止时间延期', amendsNoticeId: 'GG202603020001201' });
    expect(a.tender.tenderPeriod).toEqual({ endDate: '2026-03-30T09:30:00+08:00' });
  });

  it('a cancellation is stored cancelled, with its reason; 废标 is unsuccessful, 终止 cancelled', () => {
    const failed = toTradingDisclosure(notice({ noticeTypeCode: '08', noticeTypeName: '废标公告', cancelReason: '有效供应商不足三家' }));
    expect(failed.status).toBe('cancelled');
    expect(failed.subject?.name).toBe('大庆市人民医院');
    expect((failed.attributes as unknown as TradingNoticeAttributes).cancellation).toEqual({ reason: '有效供应商不足三家', status: 'unsuccessful' });
    expect(attributesOf(notice({ noticeTypeCode: '08', noticeTypeName: '终止公告' })).cancellation?.status).toBe('cancelled');
  });

  it('without a type code the type is read from the name, else from the title', () => {
    expect(attributesOf(notice({ noticeTypeCode: undefined, noticeTypeName: '成交结果公告' })).noticeType).toEqual({ code: '05', name: '成交结果公告', type: 'award', from: 'name' });
    const byTitle = attributesOf(notice({ noticeTypeCode: undefined, noticeTypeName: undefined, noticeTitle: '大庆市人民医院医用直线加速器采购项目终止公告' }));
    expect(byTitle.noticeType).toEqual({ code: '08', name: '终止/废标公告', type: 'cancellation', from: 'title' });
  });

  it('a notice whose type nothing names is refused with the words it had', () => {
    expect(() => toTradingDisclosure(notice({ noticeTypeCode: undefined, noticeTypeName: '公示', noticeTitle: '关于大庆市人民医院的通知' }))).toThrow(
      /notice type unknown: no noticeTypeCode, and neither noticeTypeName "公示" nor noticeTitle "关于大庆市人民医院的通知" names one/,
    );
  });

  it('a land sale names a transferor and a transferee, not a buyer and a supplier', () => {
    const d = toTradingDisclosure(
      notice({
        tradeType: '土地使用权',
        procurementMethod: '挂牌出让',
        purchaseCategory: undefined,
        noticeTypeCode: '05',
        noticeTypeName: '挂牌出让结果公示',
        buyerName: '大庆市自然资源局',
        buyerCode: '112306002718281848',
        agencyName: undefined,
        agencyCode: undefined,
        amountUnit: '万元',
        winners: [{ name: '大庆润德房地产开发有限公司', code: '9123060517320508XC', amount: 56000.5 }],
      }),
    );
    expect(d.parties?.map((p) => p.role)).toEqual(['transferor', 'transferee']);
    expect(d.subject?.name).toBe('大庆润德房地产开发有限公司');
    const a = d.attributes as unknown as TradingNoticeAttributes;
    expect(a.tradeType).toEqual({ type: 'landUseRights', name: '土地使用权', procurement: false });
    expect(a.tender).toMatchObject({ procurementMethod: 'open', mainProcurementCategory: null });
    expect(a.awards[0].value).toEqual({ amountWan: 56000.5, currency: 'CNY' });
  });

  it('project codes written differently on different notices come out as one', () => {
    expect(attributesOf(notice({ projectCode: ' dqcg－2026－0012 ' })).projectCode).toBe('DQCG-2026-0012');
  });

  it('an amount without a unit anywhere is refused, naming the field', () => {
    expect(() => toTradingDisclosure(notice({ amountUnit: undefined, budget: 1385000 }))).toThrow(/budget: amount 1385000 has no unit/);
    expect(attributesOf(notice({ amountUnit: undefined, budget: '138.5万元' })).tender.value).toEqual({ amountWan: 138.5, currency: 'CNY' });
  });

  it('a correction sets updatedAt and keeps the publication time', () => {
    const d = toTradingDisclosure(notice({ updateTime: '2026-03-03 09:00:00' }));
    expect(d.publishedAt.toISOString()).toBe('2026-03-02T01:12:00.000Z');
    expect(d.updatedAt?.toISOString()).toBe('2026-03-03T01:00:00.000Z');
    expect((d.attributes as unknown as TradingNoticeAttributes).updatedAt).toBe('2026-03-03T09:00:00+08:00');
  });
  it('a notice about a lot keeps the lot: its award and contract are the lot\'s, and two lots never share one', () => {
    const lot = (lotCode: string, lotName: string) =>
      attributesOf(notice({ noticeTypeCode: '05', noticeTypeName: '中标公告', lotCode, lotName, winners: [{ ...SUPPLIER, amount: '900000' }] }));
    const first = lot(' dqcg－2026－0012－001 ', '第1包');
    const second = lot('DQCG-2026-0012-002', '第2包');
    expect(first.lot).toEqual({ code: 'DQCG-2026-0012-001', name: '第1包' });
    expect([first.projectCode, second.projectCode]).toEqual(['DQCG-2026-0012', 'DQCG-2026-0012']);
    expect(first.awards[0].id).toBe('DQCG-2026-0012-001-award');
    expect(second.awards[0].id).toBe('DQCG-2026-0012-002-award');
    const contract = attributesOf(notice({ noticeTypeCode: '06', lotCode: 'DQCG-2026-0012-002', winners: [SUPPLIER] }));
    expect(contract.contracts[0]).toMatchObject({ id: 'DQCG-2026-0012-002-contract', awardID: 'DQCG-2026-0012-002-award' });
  });

  it('a notice without a lot code is about an undivided project: no lot, the project\'s own award', () => {
    const a = attributesOf(notice({ noticeTypeCode: '05', lotCode: undefined, lotName: '第1包', winners: [SUPPLIER] }));
    expect(a.lot).toBeNull();
    expect(a.awards[0].id).toBe('DQCG-2026-0012-award');
  });

  it('the lot is searchable: its code and name are in the search text', () => {
    const d = toTradingDisclosure(notice({ lotCode: 'DQCG-2026-0012-002', lotName: '第2包' }));
    expect(d.searchText).toEqual(expect.arrayContaining(['DQCG-2026-0012-002', '第2包']));
  });
});
