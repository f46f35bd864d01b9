import { credit } from '../../connectors/credit';
import { environment } from '../../connectors/environment';
import { ppp } from '../../connectors/ppp';
import { trading } from '../../connectors/trading';
import type { PenaltyRecord } from '../../connectors/credit/penalties/schema';
import { penalties } from '../../connectors/credit/penalties/stream';
import type { PppProjectRecord } from '../../connectors/ppp/projects/schema';
import type { TradingNoticeRecord } from '../../connectors/trading/notices/schema';
import { creditFeeds } from '../../samples/credit';
import { environmentFeeds } from '../../samples/environment';
import { pppFeeds } from '../../samples/ppp';
import { tradingFeeds } from '../../samples/trading';
import type { IndexedFeed } from '../../samples/kit/feed';
import { isMalformed } from '../../samples/kit/feed';
import { DEFAULT_FEED_OPTIONS } from '../../samples/kit/feedServer';
import { attributesOf } from '../../src/domain/contract';
import { findUnmaskedPersonalInfo } from '../../src/domain/masking';
import type { CodedConnectorDefinition } from '../../src/sync/stream';
import type { DisclosureInput } from '../../src/sync/stream';
import { validatorFor } from '../../src/sync/validation';
import { MAPPING } from '../helpers/mapping';
import { isPlanted } from '../helpers/plantedReview';

/**
 * The hub's one privacy rule (docs/standards/privacy.md), domain by domain: an organisation's
 * published business contact is public; a natural person's ID number, mobile number and home
 * address are masked wherever a domain carries one.
 */

const OFFICE = '0459-4612345';
const MOBILE = '13812345678';
const ID = '230602197803151236';

/** Everything of a disclosure that is served or searched: all of it but `personal`. */
function served(input: DisclosureInput): string {
  const { personal: _personal, ...rest } = input;
  return JSON.stringify(rest);
}

const notice = (fields: Partial<TradingNoticeRecord>): TradingNoticeRecord => ({
  noticeId: 'GG202603020001201',
  noticeTypeCode: '01',
  noticeTypeName: '公开招标公告',
  noticeTitle: '大庆市萨尔图区第一医院医用设备采购项目公开招标公告',
  projectCode: 'DQCG-2026-0012',
  projectName: '大庆市萨尔图区第一医院医用设备采购项目',
  tradeType: '政府采购',
  procurementMethod: '公开招标',
  purchaseCategory: '货物',
  region: '萨尔图区',
  platformName: '大庆市公共资源交易中心',
  buyerName: '大庆市萨尔图区第一医院',
  buyerCode: '122306021234567890',
  amountUnit: '元',
  contactPerson: '王芳',
  contactPhone: OFFICE,
  publishTime: '2026-03-02 09:12:00',
  ...fields,
});

const project = (fields: Partial<PppProjectRecord>): PppProjectRecord => ({
  projRid: '91fe736c280a47b183e2727b40cc8dc4',
  projNo: '2306022016000042',
  projName: '大庆市萨尔图区集中供热老旧供热管网改造工程PPP项目',
  distProvinceName: '黑龙江省',
  distCityName: '大庆市',
  distName: '萨尔图区',
  industryRequiredName: '市政工程',
  industryOptionalName: '供热',
  investCount: 123456789000,
  projState: '2',
  returnMode: '3',
  operateMode: '3',
  cooperationTerm: 25,
  startTime: '2016-03-15',
  example: '2',
  linkUname: '李娜',
  linkTel: OFFICE,
  implOrgName: '大庆市萨尔图区住房和城乡建设局',
  implOrgCode: null,
  updateTime: '2026-01-05 09:00:00',
  ...fields,
});

const penaltyOnPerson: PenaltyRecord = {
  CF_XDR_MC: '张志强',
  CF_XDR_LB: '自然人',
  CF_XDR_ZJLX: '身份证',
  CF_XDR_ZJHM: ID,
  CF_WSH: '庆萨城执法罚〔2026〕5号',
  CF_SY: `当事人张志强（身份证号码${ID}，联系电话${MOBILE}）于2026年2月1日随意倾倒建筑垃圾。执法大队电话${OFFICE}。`,
  CF_YJ: '《城市建筑垃圾管理规定》第二十六条',
  CF_CFLB: '罚款',
  CF_NR: '罚款人民币200元',
  CF_NR_FK: '0.02',
  CF_JDRQ: '2026-03-02',
  CF_CFJG: '大庆市萨尔图区城市管理综合执法局',
  CF_SJLY: '大庆市萨尔图区城市管理综合执法局',
  SJC: '2026-03-03 10:00:00',
};

describe('an organisation’s published business contact is public', () => {
  it('trading: a notice’s contact person and office line are served as published', () => {
    const d = trading.streams[0].toDisclosure(notice({}), MAPPING);
    expect(attributesOf(d, 'trading-notice').contact).toEqual({ name: '王芳', phone: OFFICE });
  });

  it('PPP: a project’s contact person and office line are served as published', () => {
    const d = ppp.streams[0].toDisclosure(project({}), MAPPING);
    expect(attributesOf(d, 'ppp-project').contact).toEqual({ name: '李娜', phone: OFFICE });
    expect(d.personal).toBeNull();
  });

  it('credit: an office line in a decision’s text stays as written', () => {
    const d = penalties.toDisclosure(penaltyOnPerson, MAPPING);
    expect(attributesOf(d, 'administrative-penalty').facts).toContain(`执法大队电话${OFFICE}`);
  });
});

describe('a natural person’s mobile number, ID number and home address are masked', () => {
  it('trading and PPP: a mobile in the contact is masked where served, its original kept only in personal', () => {
    const tradingNotice = trading.streams[0].toDisclosure(notice({ contactPhone: MOBILE }), MAPPING);
    expect(attributesOf(tradingNotice, 'trading-notice').contact?.phone).toBe('138****5678');
    const pppProject = ppp.streams[0].toDisclosure(project({ linkTel: `${OFFICE}，${MOBILE}` }), MAPPING);
    expect(attributesOf(pppProject, 'ppp-project').contact?.phone).toBe(`${OFFICE}，138****5678`);
    expect(pppProject.personal).toEqual({ linkTel: `${OFFICE}，${MOBILE}` });
    for (const d of [tradingNotice, pppProject]) expect(served(d)).not.toContain(MOBILE);
  });

  it('credit: the person’s ID number and a mobile pasted into the facts are masked', () => {
    const d = penalties.toDisclosure(penaltyOnPerson, MAPPING);
    const a = attributesOf(d, 'administrative-penalty');
    expect(a.party.idNumberMasked).toBe('230602********1236');
    expect(a.facts).toContain('身份证号码230602********1236，联系电话138****5678');
    expect(findUnmaskedPersonalInfo(served(d))).toEqual([]);
    expect(d.personal).toEqual({ idNumber: ID });
  });

  /** Every stream of every domain, mapped from its sample feed: nothing personal is served. */
  const domains: Array<[string, CodedConnectorDefinition, readonly IndexedFeed[]]> = [
    ['credit', credit, creditFeeds],
    ['trading', trading, tradingFeeds],
    ['ppp', ppp, pppFeeds],
    ['environment', environment, environmentFeeds],
  ];
  const options = { ...DEFAULT_FEED_OPTIONS, scale: 300 };
  // The sample population's home addresses end in 栋/单元/室; a served one would show that form.
  const HOME_ADDRESS = /\d+栋\d+单元\d+室/;

  // A record planted for the review (samples/review) is left to it: the review holds a planted ID
  // number or home address before it is served, and publishes a look-alike that only has a
  // number's shape (test/unit/reviewPrecision.test.ts checks both).
  it.each(domains)('%s: no sample record serves an unmasked mobile or ID number, or a home address', (_name, connector, feeds) => {
    expect(feeds).toHaveLength(connector.streams.length);
    connector.streams.forEach((stream, i) => {
      const feed = feeds[i];
      const validate = validatorFor(stream.schema);
      let mapped = 0;
      for (let index = 0; index < feed.count(options); index++) {
        if (isMalformed(feed.path, index, options)) continue;
        const record = feed.record(index, options);
        if (validate(record).length > 0) continue;
        if (isPlanted(`${connector.name}/${stream.name}`, stream.key(record), options)) continue;
        let input: DisclosureInput;
        try {
          input = stream.toDisclosure(record as never, MAPPING);
        } catch {
          continue; // quarantined at the map stage: never served
        }
        const text = served(input);
        expect([stream.name, findUnmaskedPersonalInfo(text), HOME_ADDRESS.test(text)]).toEqual([stream.name, [], false]);
        mapped++;
      }
      expect([stream.name, mapped > 0]).toEqual([stream.name, true]);
    });
  });
});
