import { toTradingDisclosure } from '../../connectors/trading/notices/toDisclosure';
import type { TradingNoticeRecord } from '../../connectors/trading/notices/schema';
import type { TradingNoticeAttributes } from '../../src/domain/trading';
import { compileRelease } from '../../src/ocds/merge';
import { partyDirectory } from '../../src/ocds/partyDirectory';
import { buildRelease } from '../../src/ocds/release';
import type { StoredNotice } from '../../src/ocds/storedNotice';
import type { Release } from '../../src/ocds/types';

const PREFIX = 'ocds-213czf';
const BUYER = { name: '大庆市卫生健康委员会', code: '112306002718281848' };
const AGENCY = { name: '大庆庆恒招标代理有限公司', code: '91230602MA1B2C3D8C' };
const WINNER = { name: '大庆恒信医药有限公司', code: '9123060416180339XJ' };
const RUNNER_UP = { name: '大庆华远机械制造有限公司', code: '91230603141421351U' };
/** Check character wrong (should be J): a code that must not become an identifier. */
const BAD_CODE = '9123060416180339X1';
const LINK = 'http://ggzy.daqing.gov.cn/jyxx/GG2026030200012.html';

/** A 政府采购 notice of one process, through the real connector mapping; tests add their type's fields. */
function notice(fields: Partial<TradingNoticeRecord>, version = 1): StoredNotice {
  const record: TradingNoticeRecord = {
    noticeId: 'GG2026030200012',
    noticeTypeCode: '01',
    noticeTypeName: '公开招标公告',
    noticeTitle: '大庆市卫生健康委员会影像设备采购项目（第1包）公开招标公告',
    projectCode: ' dqcg-2026-0012 ',
    projectName: '大庆市卫生健康委员会影像设备采购项目',
    lotCode: 'DQCG-2026-0012-001',
    lotName: '第1包',
    tradeType: '政府采购',
    procurementMethod: '公开招标',
    purchaseCategory: '货物',
    buyerName: BUYER.name,
    buyerCode: BUYER.code,
    agencyName: AGENCY.name,
    agencyCode: AGENCY.code,
    amountUnit: '元',
    publishTime: '2026-03-02 09:12:00',
    ...fields,
  };
  const d = toTradingDisclosure(record);
  // The link the engine stores when the feed gives none: the platform's address pattern (city.sourceLinks.trading).
  return { version, title: d.title, sourceUrl: d.sourceUrl ?? LINK, attributes: d.attributes as unknown as TradingNoticeAttributes };
}

const release = (fields: Partial<TradingNoticeRecord>, version = 1) => buildRelease(notice(fields, version), PREFIX);
/** A notice about the whole of an undivided project: the platform wrote no lot code. */
const UNDIVIDED = { lotCode: undefined, lotName: undefined };

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
    expect(r.ocid).toBe('ocds-213czf-DQCG-2026-0012');
    expect(r.id).toBe('GG2026030200012');
    expect(r.date).toBe('2026-03-02T09:12:00+08:00');
  });

  test('a corrected notice is a new release: the id carries the store version, the date the correction time', () => {
    const r = release({ updateTime: '2026-03-03 10:00:00' }, 2);
    expect(r.id).toBe('GG2026030200012-v2');
    expect(r.date).toBe('2026-03-03T10:00:00+08:00');
  });

  test('money is a CNY Value in 元, whether the platform wrote 元 or 万元', () => {
    expect(release({ ...UNDIVIDED, budget: '13,850,000.00' }).tender?.value).toEqual({ amount: 13850000, currency: 'CNY' });
    const works = release({ ...UNDIVIDED, tradeType: '工程建设', purchaseCategory: undefined, amountUnit: '万元', budget: 1385.5 });
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
        { name: '大庆某某科技有限公司', code: BAD_CODE, rank: 3, bidAmount: '990000' },
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
    expect(byName.get('大庆某某科技有限公司')).toEqual({ id: 'NAME-大庆某某科技有限公司', name: '大庆某某科技有限公司', roles: ['tenderer'] });
    expect(r.buyer).toEqual({ id: `CN-USCC-${BUYER.code}`, name: BUYER.name });
    expect(r.tender?.procuringEntity).toEqual({ id: `CN-USCC-${AGENCY.code}`, name: AGENCY.name });
    expect(r.tender?.tenderers?.map((t) => t.name)).toEqual([WINNER.name, RUNNER_UP.name, '大庆某某科技有限公司']);
    // The candidate publicity proposes the first-ranked bid: a pending award of its lot.
    expect(r.awards).toEqual([
      expect.objectContaining({
        id: 'DQCG-2026-0012-001-award',
        status: 'pending',
        relatedLots: ['DQCG-2026-0012-001'],
        suppliers: [{ id: `CN-USCC-${WINNER.code}`, name: WINNER.name }],
        value: { amount: 900000, currency: 'CNY' },
      }),
    ]);
  });

  test('a supplier is a tenderer too, so the compiled release does not drop that role', () => {
    const r = release({ noticeTypeCode: '05', noticeTypeName: '中标公告', winners: [{ ...WINNER, amount: '900000' }] });
    expect(r.parties!.find((p) => p.name === WINNER.name)?.roles).toEqual(['tenderer', 'supplier']);
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
      awardID: 'DQCG-2026-0012-001-award',
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
    const cancelled = release({ ...UNDIVIDED, noticeTypeCode: '08', noticeTypeName: '废标公告', cancelReason: '提交响应文件的供应商不足三家' });
    expect(cancelled.tender?.status).toBe('unsuccessful');
    expect(cancelled.tender?.documents).toEqual([expect.objectContaining({ documentType: 'cancellationDetails', description: '提交响应文件的供应商不足三家', url: LINK })]);
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

describe('OCDS lots: a project is one contracting process, each lot one of tender.lots', () => {
  test('a notice about a lot states its lot: status, budget and name in tender.lots, not on the whole tender', () => {
    const r = release({ budget: '13,850,000.00' });
    expect(r.tender).toMatchObject({ id: 'DQCG-2026-0012', title: '大庆市卫生健康委员会影像设备采购项目', procurementMethod: 'open' });
    expect(r.tender).not.toHaveProperty('status');
    expect(r.tender).not.toHaveProperty('value');
    expect(r.tender?.lots).toEqual([{ id: 'DQCG-2026-0012-001', title: '第1包', status: 'active', value: { amount: 13850000, currency: 'CNY' } }]);
    expect(r.tender?.documents?.[0].relatedLots).toEqual(['DQCG-2026-0012-001']);
  });

  test('a notice about an undivided project has no lots: status and value are the tender\'s', () => {
    const r = release({ ...UNDIVIDED, budget: '13,850,000.00' });
    expect(r.tender).toMatchObject({ status: 'active', value: { amount: 13850000, currency: 'CNY' } });
    expect(r.tender).not.toHaveProperty('lots');
    expect(r.tender?.documents?.[0]).not.toHaveProperty('relatedLots');
  });

  test('the lots of one project compile into one record: every lot, each with its own status and award', () => {
    const lot2 = { lotCode: 'DQCG-2026-0012-002', lotName: '第2包' };
    const releases = [
      release({ noticeId: 'T1', budget: '500000.00' }),
      release({ noticeId: 'T2', ...lot2, budget: '300000.00', publishTime: '2026-03-02 09:18:00' }),
      release({ noticeId: 'A1', noticeTypeCode: '05', noticeTypeName: '中标公告', winners: [{ ...WINNER, amount: '480000.00' }], publishTime: '2026-04-01 10:00:00' }),
      release({ noticeId: 'C2', ...lot2, noticeTypeCode: '08', noticeTypeName: '废标公告', cancelReason: '本包供应商不足三家', publishTime: '2026-04-01 10:06:00' }),
    ];
    expect(new Set(releases.map((r) => r.ocid))).toEqual(new Set(['ocds-213czf-DQCG-2026-0012']));
    const compiled = compileRelease(releases);
    expect(compiled.tender?.lots).toEqual([
      { id: 'DQCG-2026-0012-001', title: '第1包', status: 'complete', value: { amount: 500000, currency: 'CNY' } },
      { id: 'DQCG-2026-0012-002', title: '第2包', status: 'unsuccessful', value: { amount: 300000, currency: 'CNY' } },
    ]);
    expect(compiled.awards).toEqual([expect.objectContaining({ id: 'DQCG-2026-0012-001-award', status: 'active', relatedLots: ['DQCG-2026-0012-001'] })]);
  });
});

describe('OCDS parties: one party per organisation in a project', () => {
  const candidates = (code: string | undefined) =>
    notice({ noticeId: 'C1', noticeTypeCode: '04', noticeTypeName: '中标候选人公示', tenderers: [{ name: WINNER.name, code, rank: 1, bidAmount: '900000' }, { ...RUNNER_UP, rank: 2 }] });
  const result = notice({ noticeId: 'R1', noticeTypeCode: '05', noticeTypeName: '中标公告', winners: [{ ...WINNER, amount: '900000' }], publishTime: '2026-04-01 10:00:00' });

  test.each([
    ['without a code', undefined],
    ['with a mistyped code', BAD_CODE],
  ])('a firm the candidates notice names %s is the award notice\'s coded party in every release', (_, code) => {
    const project = partyDirectory([candidates(code).attributes.parties, result.attributes.parties]);
    const releases = [buildRelease(candidates(code), PREFIX, project), buildRelease(result, PREFIX, project)];
    for (const r of releases) {
      const winner = r.parties!.filter((p) => p.name === WINNER.name);
      expect(winner).toEqual([{ id: `CN-USCC-${WINNER.code}`, name: WINNER.name, identifier: { scheme: 'CN-USCC', id: WINNER.code, legalName: WINNER.name }, roles: ['tenderer', 'supplier'] }]);
      for (const award of r.awards ?? []) expect(award.suppliers).toEqual([{ id: `CN-USCC-${WINNER.code}`, name: WINNER.name }]);
    }
    expect(releases[0].tender?.tenderers?.[0]).toEqual({ id: `CN-USCC-${WINNER.code}`, name: WINNER.name });
    const compiled = compileRelease(releases);
    expect(organisationsListedTwice(compiled)).toEqual([]);
    expect(compiled.awards).toEqual([expect.objectContaining({ status: 'active', suppliers: [{ id: `CN-USCC-${WINNER.code}`, name: WINNER.name }] })]);
  });

  test('without the project\'s directory, a release is as its notice alone knows it: the firm keeps its name-based id', () => {
    expect(buildRelease(candidates(undefined), PREFIX).parties!.find((p) => p.name === WINNER.name)?.id).toBe(`NAME-${WINNER.name}`);
  });

  test('one notice naming a firm with a bad code and with its good code lists it once', () => {
    const r = release({ noticeTypeCode: '05', noticeTypeName: '中标公告', tenderers: [{ name: WINNER.name, code: BAD_CODE }], winners: [{ ...WINNER, amount: '1' }] });
    expect(organisationsListedTwice(r)).toEqual([]);
    expect(r.parties!.filter((p) => p.name === WINNER.name)).toEqual([expect.objectContaining({ id: `CN-USCC-${WINNER.code}`, roles: ['tenderer', 'supplier'] })]);
    expect(r.tender?.tenderers).toEqual([{ id: `CN-USCC-${WINNER.code}`, name: WINNER.name }]);
  });

  test('a name written with full-width brackets in one notice and half-width in another is one organisation', () => {
    const bracketed = { name: '大庆恒信（集团）医药有限公司', code: WINNER.code };
    const c = notice({ noticeId: 'C1', noticeTypeCode: '04', tenderers: [{ name: '大庆恒信(集团)医药有限公司', rank: 1 }] });
    const w = notice({ noticeId: 'R1', noticeTypeCode: '05', winners: [bracketed] });
    const directory = partyDirectory([c.attributes.parties, w.attributes.parties]);
    expect(buildRelease(c, PREFIX, directory).tender?.tenderers).toEqual([{ id: `CN-USCC-${WINNER.code}`, name: '大庆恒信(集团)医药有限公司' }]);
  });

  test('a firm that won one lot and lost another keeps both roles in every release that names it', () => {
    const lost = notice({ noticeId: 'C2', lotCode: 'DQCG-2026-0012-002', noticeTypeCode: '04', tenderers: [{ ...WINNER, rank: 2 }, { ...RUNNER_UP, rank: 1 }], publishTime: '2026-04-02 10:00:00' });
    const directory = partyDirectory([result.attributes.parties, lost.attributes.parties]);
    const compiled = compileRelease([buildRelease(result, PREFIX, directory), buildRelease(lost, PREFIX, directory)]);
    expect(compiled.parties!.find((p) => p.name === WINNER.name)?.roles).toEqual(['tenderer', 'supplier']);
  });
});

/** Organisations a release lists more than once in its parties: by id, and by name. */
function organisationsListedTwice(r: Release): string[] {
  const seen = new Map<string, number>();
  for (const p of r.parties ?? []) for (const key of [p.id, p.name]) seen.set(key, (seen.get(key) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([key]) => key);
}
