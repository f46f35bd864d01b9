import { toTradingDisclosure } from '../../connectors/trading/notices/toDisclosure';
import type { TradingNoticeRecord } from '../../connectors/trading/notices/schema';
import { findUnmaskedPersonalInfo } from '../../src/domain/masking';
import type { TradingNoticeAttributes } from '../../src/domain/trading';

const BUYER = { buyerName: '石家庄市第一医院', buyerCode: '121301001234567899' };
const SUPPLIER = { name: '石家庄恒信医药有限公司', code: '914403001922038216' };

/** A 政府采购 notice of one process; tests override the fields of the type they look at. */
function notice(fields: Partial<TradingNoticeRecord>): TradingNoticeRecord {
  return {
    noticeId: 'GG202603020001201',
    noticeTypeCode: '01',
    noticeTypeName: '公开招标公告',
    noticeTitle: '石家庄市第一医院医用直线加速器采购项目公开招标公告',
    projectCode: 'SJZCG-2026-0012',
    projectName: '石家庄市第一医院医用直线加速器采购项目',
    tradeType: '政府采购',
    procurementMethod: '公开招标',
    purchaseCategory: '货物',
    region: '石家庄市',
    platformName: '石家庄市公共资源交易中心',
    ...BUYER,
    agencyName: '河北冀中信息技术有限公司',
    agencyCode: '91130102MA0CJ8TX1K',
    amountUnit: '元',
    contactPerson: '王芳',
    contactPhone: '13812345678',
    publishTime: '2026-03-02 09:12:00',
    url: 'https://ggzy.sjz.example/jyxx/zfcg/GG202603020001201.html',
    ...fields,
  };
}

const attributesOf = (record: TradingNoticeRecord) => toTradingDisclosure(record).attributes as unknown as TradingNoticeAttributes;

describe('trading notice → disclosure', () => {
  it('a tender notice is about the buyer, carries the tender in 万元 and its period', () => {
    const d = toTradingDisclosure(notice({ budget: '13,850,000.00', bidDeadline: '2026-03-23 09:30' }));
    expect(d).toMatchObject({
      kind: 'trading-notice',
      title: '石家庄市第一医院医用直线加速器采购项目公开招标公告',
      publisher: '石家庄市公共资源交易中心',
      status: 'published',
      subject: { name: '石家庄市第一医院', uscc: '121301001234567899' },
      sourceUrl: 'https://ggzy.sjz.example/jyxx/zfcg/GG202603020001201.html',
    });
    expect(d.publishedAt.toISOString()).toBe('2026-03-02T01:12:00.000Z');
    const a = d.attributes as unknown as TradingNoticeAttributes;
    expect(a).toMatchObject({
      noticeType: { code: '01', name: '公开招标公告', type: 'tender', from: 'code' },
      ocdsTag: 'tender',
      projectCode: 'SJZCG-2026-0012',
      tradeType: { type: 'governmentProcurement', name: '政府采购', procurement: true },
      sourceAmountUnit: '元',
      publishedAt: '2026-03-02T09:12:00+08:00',
    });
    expect(a.tender).toEqual({
      id: 'SJZCG-2026-0012',
      title: '石家庄市第一医院医用直线加速器采购项目',
      status: 'active',
      value: { amountWan: 1385, currency: 'CNY' },
      procurementMethod: 'open',
      procurementMethodDetails: '公开招标',
      mainProcurementCategory: 'goods',
      tenderPeriod: { startDate: '2026-03-02T09:12:00+08:00', endDate: '2026-03-23T09:30:00+08:00' },
    });
  });

  it('buyer and agency are parties with OCDS roles; the engine gets the codes as written', () => {
    const d = toTradingDisclosure(notice({ agencyCode: ' 91130102ma0cj8tx1k ' }));
    expect(d.parties).toEqual([
      { role: 'buyer', name: '石家庄市第一医院', uscc: '121301001234567899' },
      { role: 'procuringEntity', name: '河北冀中信息技术有限公司', uscc: ' 91130102ma0cj8tx1k ' },
    ]);
  });

  it('the phone is personal: kept in `personal`, masked in attributes, nowhere in title or search text', () => {
    const d = toTradingDisclosure(notice({}));
    expect(d.personal).toEqual({ contactPhone: '13812345678' });
    expect((d.attributes as unknown as TradingNoticeAttributes).contact).toEqual({ name: '王芳', phone: '138****5678' });
    const visible = JSON.stringify([d.title, d.attributes, d.searchText, d.parties, d.subject]);
    expect(findUnmaskedPersonalInfo(visible)).toEqual([]);
    // An office line is the organisation's published contact (docs/standards/privacy.md): served as published.
    expect(toTradingDisclosure(notice({ contactPhone: '0459-4612345' })).attributes.contact).toEqual({ name: '王芳', phone: '0459-4612345' });
    expect(toTradingDisclosure(notice({ contactPhone: undefined, contactPerson: undefined })).personal).toBeNull();
  });

  it('candidates: the first-ranked candidate is a pending award; all are tenderers; the buyer stays the subject', () => {
    const d = toTradingDisclosure(
      notice({
        noticeTypeCode: '04',
        noticeTypeName: '中标候选人公示',
        tenderers: [
          { rank: 2, name: '河北太行电子科技有限公司', code: '91130104MA0D4R2X7B', bidAmount: '1290000.00' },
          { rank: 1, ...SUPPLIER, bidAmount: '1,250,000.00' },
        ],
      }),
    );
    expect(d.subject?.name).toBe('石家庄市第一医院');
    const a = d.attributes as unknown as TradingNoticeAttributes;
    expect(a.ocdsTag).toBe('award');
    expect(a.awards).toEqual([
      { id: 'SJZCG-2026-0012-award', status: 'pending', date: null, suppliers: [{ id: 'CN-USCC-914403001922038216', name: SUPPLIER.name }], value: { amountWan: 125, currency: 'CNY' } },
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
      { id: 'SJZCG-2026-0012-award', status: 'active', date: '2026-04-01T00:00:00+08:00', suppliers: [{ id: 'CN-USCC-914403001922038216', name: SUPPLIER.name }], value: { amountWan: 125, currency: 'CNY' } },
    ]);
    const supplier = a.parties.find((p) => p.roles.includes('supplier'));
    expect(supplier).toEqual({
      id: 'CN-USCC-914403001922038216',
      name: SUPPLIER.name,
      roles: ['supplier'],
      identifier: { scheme: 'CN-USCC', id: '914403001922038216', legalName: SUPPLIER.name },
      uscc: { code: '914403001922038216', valid: true, reason: null },
    });
  });

  it('a winner with a bad code keeps it, flagged, with no identifier and a name-based id', () => {
    const a = attributesOf(notice({ noticeTypeCode: '05', winners: [{ name: SUPPLIER.name, code: '914403001922038217', amount: 100 }] }));
    expect(a.parties.find((p) => p.roles.includes('supplier'))).toMatchObject({
      id: `NAME-${SUPPLIER.name}`,
      identifier: null,
      uscc: { code: '914403001922038217', valid: false, reason: expect.stringMatching(/check character/) },
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
        contractNo: 'SJZCG-2026-0012-HT01',
        contractAmount: '1250000.00',
        signDate: '2026-04-10',
        contractStart: '2026-04-11',
        contractEnd: '2026-07-10',
      }),
    );
    expect(d.subject?.name).toBe(SUPPLIER.name);
    expect((d.attributes as unknown as TradingNoticeAttributes).contracts).toEqual([
      {
        id: 'SJZCG-2026-0012-HT01',
        awardID: 'SJZCG-2026-0012-award',
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
    expect(failed.subject?.name).toBe('石家庄市第一医院');
    expect((failed.attributes as unknown as TradingNoticeAttributes).cancellation).toEqual({ reason: '有效供应商不足三家', status: 'unsuccessful' });
    expect(attributesOf(notice({ noticeTypeCode: '08', noticeTypeName: '终止公告' })).cancellation?.status).toBe('cancelled');
  });

  it('without a type code the type is read from the name, else from the title', () => {
    expect(attributesOf(notice({ noticeTypeCode: undefined, noticeTypeName: '成交结果公告' })).noticeType).toEqual({ code: '05', name: '成交结果公告', type: 'award', from: 'name' });
    const byTitle = attributesOf(notice({ noticeTypeCode: undefined, noticeTypeName: undefined, noticeTitle: '石家庄市第一医院医用直线加速器采购项目终止公告' }));
    expect(byTitle.noticeType).toEqual({ code: '08', name: '终止/废标公告', type: 'cancellation', from: 'title' });
  });

  it('a notice whose type nothing names is refused with the words it had', () => {
    expect(() => toTradingDisclosure(notice({ noticeTypeCode: undefined, noticeTypeName: '公示', noticeTitle: '关于石家庄市第一医院的通知' }))).toThrow(
      /notice type unknown: no noticeTypeCode, and neither noticeTypeName "公示" nor noticeTitle "关于石家庄市第一医院的通知" names one/,
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
        buyerName: '石家庄市自然资源和规划局',
        agencyName: undefined,
        agencyCode: undefined,
        amountUnit: '万元',
        winners: [{ name: '石家庄润德房地产开发有限公司', code: SUPPLIER.code, amount: 56000.5 }],
      }),
    );
    expect(d.parties?.map((p) => p.role)).toEqual(['transferor', 'transferee']);
    expect(d.subject?.name).toBe('石家庄润德房地产开发有限公司');
    const a = d.attributes as unknown as TradingNoticeAttributes;
    expect(a.tradeType).toEqual({ type: 'landUseRights', name: '土地使用权', procurement: false });
    expect(a.tender).toMatchObject({ procurementMethod: 'open', mainProcurementCategory: null });
    expect(a.awards[0].value).toEqual({ amountWan: 56000.5, currency: 'CNY' });
  });

  it('project codes written differently on different notices come out as one', () => {
    expect(attributesOf(notice({ projectCode: ' sjzcg－2026－0012 ' })).projectCode).toBe('SJZCG-2026-0012');
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
});
