import { toTradingDisclosure } from '../../connectors/trading/notices/toDisclosure';
import type { TradingNoticeRecord } from '../../connectors/trading/notices/schema';
import type { TradingNoticeAttributes } from '../../src/domain/trading';
import { buildRelease } from '../../src/ocds/release';
import type { StoredNotice } from '../../src/ocds/storedNotice';

const PREFIX = 'ocds-213czf';
const BUYER = { name: '石家庄市卫生健康委员会', code: '11130100995576306X' };
const AGENCY = { name: '河北冀中招标代理有限公司', code: '911301071X779E16X6' };
const WINNER = { name: '石家庄恒信医药有限公司', code: '914403001922038216' };
const RUNNER_UP = { name: '石家庄华远安机械制造集团有限公司', code: '91130105685801360T' };
/** Check character wrong (should be B): a code that must not become an identifier. */
const BAD_CODE = '121301001234567899';

/** A 政府采购 notice of one process, through the real connector mapping; tests add their type's fields. */
function notice(fields: Partial<TradingNoticeRecord>, version = 1): StoredNotice {
  const record: TradingNoticeRecord = {
    noticeId: 'GG2026030200012',
    noticeTypeCode: '01',
    noticeTypeName: '公开招标公告',
    noticeTitle: '石家庄市卫生健康委员会影像设备采购项目公开招标公告',
    projectCode: ' sjzcg-2026-0012 ',
    projectName: '石家庄市卫生健康委员会影像设备采购项目',
    tradeType: '政府采购',
    procurementMethod: '公开招标',
    purchaseCategory: '货物',
    buyerName: BUYER.name,
    buyerCode: BUYER.code,
    agencyName: AGENCY.name,
    agencyCode: AGENCY.code,
    amountUnit: '元',
    publishTime: '2026-03-02 09:12:00',
    url: 'https://ggzy.sjz.example/jyxx/zfcg/GG2026030200012.html',
    ...fields,
  };
  const d = toTradingDisclosure(record);
  return { version, title: d.title, sourceUrl: d.sourceUrl ?? null, attributes: d.attributes as unknown as TradingNoticeAttributes };
}

const release = (fields: Partial<TradingNoticeRecord>, version = 1) => buildRelease(notice(fields, version), PREFIX);

describe('OCDS release from one stored notice', () => {
  test.each([
    ['01', '公开招标公告', 'tender'],
    ['02', '资格预审结果公示', 'tenderUpdate'],
    ['03', '更正公告', 'tenderAmendment'],
    ['04', '中标候选人公示', 'award'],
    ['05', '中标公告', 'award'],
    ['06', '合同公告', 'contract'],
    ['07', '验收结果公告', 'implementation'],
    ['08', '终止公告', 'tenderCancellation'],
  ])('notice type %s (%s) is tagged %s, as docs/standards/trading-ocds.md maps it', (code, name, tag) => {
    const r = release({ noticeTypeCode: code, noticeTypeName: name });
    expect(r.tag).toEqual([tag]);
    expect(r.initiationType).toBe('tender');
    expect(r.language).toBe('zh');
  });

  test('ocid is the prefix and the normalised project code; id is the notice id, date its publication', () => {
    const r = release({});
    expect(r.ocid).toBe('ocds-213czf-SJZCG-2026-0012');
    expect(r.id).toBe('GG2026030200012');
    expect(r.date).toBe('2026-03-02T09:12:00+08:00');
  });

  test('a corrected notice is a new release: the id carries the store version, the date the correction time', () => {
    const r = release({ updateTime: '2026-03-03 10:00:00' }, 2);
    expect(r.id).toBe('GG2026030200012-v2');
    expect(r.date).toBe('2026-03-03T10:00:00+08:00');
  });

  test('money is a CNY Value in 元, whether the platform wrote 元 or 万元', () => {
    expect(release({ budget: '13,850,000.00' }).tender?.value).toEqual({ amount: 13850000, currency: 'CNY' });
    const works = release({ tradeType: '工程建设', purchaseCategory: undefined, amountUnit: '万元', budget: 1385.5 });
    expect(works.tender?.value).toEqual({ amount: 13855000, currency: 'CNY' });
    expect(works.tender?.mainProcurementCategory).toBe('works');
    const award = release({ noticeTypeCode: '05', noticeTypeName: '中标公告', winners: [{ ...WINNER, amount: '1234567.89' }], awardDate: '2026-04-01' });
    expect(award.awards?.[0].value).toEqual({ amount: 1234567.89, currency: 'CNY' });
  });

  test('parties carry their roles and a CN-USCC identifier when the code is valid; buyer and procuring entity refer to them', () => {
    const r = release({
      noticeTypeCode: '04',
      noticeTypeName: '中标候选人公示',
      tenderers: [
        { ...WINNER, rank: 1, bidAmount: '900000' },
        { ...RUNNER_UP, rank: 2, bidAmount: '950000' },
        { name: '石家庄某某科技有限公司', code: BAD_CODE, rank: 3, bidAmount: '990000' },
      ],
    });
    const byName = new Map(r.parties!.map((p) => [p.name, p]));
    expect(byName.get(BUYER.name)).toEqual({
      id: `CN-USCC-${BUYER.code}`,
      name: BUYER.name,
      identifier: { scheme: 'CN-USCC', id: BUYER.code, legalName: BUYER.name },
      roles: ['buyer'],
    });
    expect(byName.get(AGENCY.name)?.roles).toEqual(['procuringEntity']);
    expect(byName.get(WINNER.name)).toMatchObject({ identifier: { scheme: 'CN-USCC', id: WINNER.code }, roles: ['tenderer'] });
    expect(byName.get('石家庄某某科技有限公司')).toEqual({ id: 'NAME-石家庄某某科技有限公司', name: '石家庄某某科技有限公司', roles: ['tenderer'] });
    expect(r.buyer).toEqual({ id: `CN-USCC-${BUYER.code}`, name: BUYER.name });
    expect(r.tender?.procuringEntity).toEqual({ id: `CN-USCC-${AGENCY.code}`, name: AGENCY.name });
    expect(r.tender?.tenderers?.map((t) => t.name)).toEqual([WINNER.name, RUNNER_UP.name, '石家庄某某科技有限公司']);
    // The candidate publicity proposes the first-ranked bid: a pending award.
    expect(r.awards).toEqual([
      expect.objectContaining({ id: 'SJZCG-2026-0012-award', status: 'pending', suppliers: [{ id: `CN-USCC-${WINNER.code}`, name: WINNER.name }], value: { amount: 900000, currency: 'CNY' } }),
    ]);
  });

  test('a supplier is a tenderer too, so the compiled release does not drop that role', () => {
    const r = release({ noticeTypeCode: '05', noticeTypeName: '中标公告', winners: [{ ...WINNER, amount: '900000' }] });
    expect(r.parties!.find((p) => p.name === WINNER.name)?.roles).toEqual(['supplier', 'tenderer']);
  });

  test('performance and acceptance live under contracts[].implementation, never at the top level', () => {
    const r = release({
      noticeTypeCode: '07',
      noticeTypeName: '验收结果公告',
      winners: [WINNER],
      contractNo: 'HT-2026-001',
      contractAmount: '900000.00',
      signDate: '2026-04-10',
      contractStart: '2026-04-11',
      contractEnd: '2026-06-30',
      acceptanceResult: '合格',
      acceptanceDate: '2026-07-02',
    });
    expect(r).not.toHaveProperty('implementation');
    expect(r.contracts).toHaveLength(1);
    const [contract] = r.contracts!;
    expect(contract).toMatchObject({
      id: 'HT-2026-001',
      awardID: 'SJZCG-2026-0012-award',
      value: { amount: 900000, currency: 'CNY' },
      period: { startDate: '2026-04-11T00:00:00+08:00', endDate: '2026-06-30T00:00:00+08:00' },
      dateSigned: '2026-04-10T00:00:00+08:00',
    });
    expect(contract.implementation?.milestones).toEqual([
      { id: 'HT-2026-001-acceptance', title: '履约验收', type: 'delivery', status: 'met', dateMet: '2026-07-02T00:00:00+08:00' },
    ]);
    expect(contract.implementation?.documents?.[0]).toMatchObject({ id: 'GG2026030200012', documentType: 'completionCertificate' });
  });

  test('an amendment names the release it amends; a cancellation says why in its document', () => {
    const amendment = release({ noticeTypeCode: '03', noticeTypeName: '更正公告', amendedNoticeId: 'GG2026030200001', amendReason: '投标截止时间延期', bidDeadline: '2026-03-30 09:30:00' });
    expect(amendment.tender?.amendments).toEqual([
      { id: 'GG2026030200012', date: '2026-03-02T09:12:00+08:00', rationale: '投标截止时间延期', amendsReleaseID: 'GG2026030200001', releaseID: 'GG2026030200012' },
    ]);
    expect(amendment.tender?.tenderPeriod).toEqual({ endDate: '2026-03-30T09:30:00+08:00' });
    const cancelled = release({ noticeTypeCode: '08', noticeTypeName: '废标公告', cancelReason: '提交响应文件的供应商不足三家' });
    expect(cancelled.tender?.status).toBe('unsuccessful');
    expect(cancelled.tender?.documents).toEqual([
      expect.objectContaining({ documentType: 'cancellationDetails', description: '提交响应文件的供应商不足三家', url: 'https://ggzy.sjz.example/jyxx/zfcg/GG2026030200012.html' }),
    ]);
  });

  test('what a notice does not say is left out, never null (a null would erase it in a compiled release)', () => {
    const text = JSON.stringify(release({ noticeTypeCode: '05', noticeTypeName: '中标公告', winners: [{ name: WINNER.name }], url: 'not a url' }));
    expect(text).not.toContain('null');
    expect(text).not.toContain('"url"');
  });

  test('land and property sales are not procurement and are not made into releases', () => {
    expect(() => release({ tradeType: '土地使用权', purchaseCategory: undefined, procurementMethod: '挂牌出让' })).toThrow(/leaves out/);
  });
});
