import type { DateTime } from 'luxon';
import { industriesIn } from '../kit/population';
import type { Random } from '../kit/random';
import type { Department } from './authorities';
import type { SampleParty } from './parties';

/** What a case's facts may depend on. */
export interface CaseContext {
  party: SampleParty;
  /** When the violation was found: some weeks before the decision. */
  found: DateTime;
}

/**
 * Violations the sample city's bodies punish, each with who commits it, the law it breaks, the
 * penalties the law sets and the usual range of the fine in 元 (the ranges follow the cited
 * articles).
 */
export interface ViolationCase {
  department: Department;
  districtShare: number;
  /** 违法行为类型 (CF_WFXW). */
  type: string;
  facts(r: Random, c: CaseContext): string;
  /** 处罚依据 (CF_YJ). */
  basis: string;
  /** 处罚类别 as the decision lists them. */
  categories: string[];
  fine?: [number, number];
  confiscation?: [number, number];
  /** The licence revoked, for a 吊销 penalty. */
  revokes?: string;
  forPersons: boolean;
  /**
   * The industries (samples/kit/population.ts INDUSTRIES) of the enterprises that commit it, so a
   * dust fine goes to a builder and never to a software firm; empty when only persons do.
   */
  offenders: readonly string[];
}

const day = (c: CaseContext) => c.found.toFormat('yyyy年M月d日');
/** The offender's industry; '' for a natural person. */
const industryOf = (c: CaseContext) => (c.party.kind === 'organisation' ? c.party.enterprise.industry : '');
const FOODS = ['预包装饼干', '袋装纯牛奶', '速冻水饺', '瓶装饮料', '真空包装卤肉制品', '散装熟食'];
/** Products sold to the public, with the test items a sample of each fails on. */
const PRODUCTS: Readonly<Record<string, readonly string[]>> = {
  电线电缆: ['导体电阻', '绝缘电阻'],
  儿童服装: ['甲醛含量', '纤维含量'],
  电动自行车头盔: ['冲击吸收性能'],
  燃气灶具: ['熄火保护装置'],
  家用插座: ['耐燃性', '绝缘电阻'],
};
/** What each kind of seller sells of them. */
const PRODUCTS_SOLD: Readonly<Record<string, readonly string[]>> = {
  商贸: Object.keys(PRODUCTS),
  服装零售: ['儿童服装'],
  五金零售: ['电线电缆', '家用插座', '燃气灶具'],
  建材: ['电线电缆', '家用插座'],
  机械制造: ['燃气灶具'],
};
const productOf = (r: Random, c: CaseContext) => r.pick(PRODUCTS_SOLD[industryOf(c)] ?? PRODUCTS_SOLD.商贸);
/** Dangerous chemicals sold without the licence, by who sells them. */
const UNLICENSED_CHEMICALS: Readonly<Record<string, readonly string[]>> = {
  商贸: ['汽油', '甲醇', '油漆稀释剂'],
  五金零售: ['油漆稀释剂'],
  机动车维修: ['汽油'],
};
const PROJECTS = ['住宅楼工程', '综合楼工程', '厂房工程', '道路改造工程', '地下车库工程'];
// Plausible street names, not a survey of the city's.
const STREETS = ['东风路', '纬二路', '世纪大道', '学府街', '建设路', '湖滨路', '龙南街'];
const AD_CHANNELS = ['微信公众号', '门店宣传单', '户外广告牌'];
const AD_CLAIMS = ['国家级产品', '全市销量第一', '永不损坏'];
const POLLUTANTS = ['颗粒物', '二氧化硫', '氮氧化物'];
/** An emitter's outlet and the national standard that limits it (docs/standards/city.md), by industry. */
const OUTLETS: Readonly<Record<string, { outlets: readonly string[]; standard: string }>> = {
  石油炼制: { outlets: ['常减压装置加热炉', '催化裂化再生烟气'], standard: '石油炼制工业污染物排放标准' },
  石油化工: { outlets: ['裂解炉', '工艺加热炉'], standard: '石油化学工业污染物排放标准' },
  精细化工: { outlets: ['工艺加热炉', '导热油炉'], standard: '石油化学工业污染物排放标准' },
  热力: { outlets: ['1号燃煤锅炉', '2号燃煤锅炉'], standard: '锅炉大气污染物排放标准' },
  建材: { outlets: ['燃气热风炉'], standard: '大气污染物综合排放标准' },
};
const EMITTERS = Object.keys(OUTLETS);
const outletOf = (c: CaseContext) => OUTLETS[industryOf(c)] ?? OUTLETS.热力;
/** Who sells food: shops, caterers, traders, and the food and dairy firms' own outlets. */
const FOOD_TRADE = [...industriesIn('food', 'dairy'), '餐饮服务', '餐饮管理', '零售', '商贸'];
/** Who sells goods to the public. */
const SELLERS = ['零售', '服装零售', '五金零售', '商贸', '餐饮服务', '机动车维修', '生活服务', '医药'];
/** Who runs plant where work safety is inspected. */
const WORKS = [...industriesIn('oilfield', 'petrochemical', 'gas', 'utility', 'construction', 'manufacturing', 'logistics')];
const DISCHARGERS = [...industriesIn('petrochemical'), '油田化学', '热力', '水务', '乳业', '粮油加工', '建材'];
/** Who builds without a permit: a developer its housing, a firm its own plant. */
const BUILDERS = ['房地产开发', '石油化工', '乳业', '物流'];
const builtBy = (r: Random, c: CaseContext) =>
  r.pick(industryOf(c) === '房地产开发' ? ['住宅楼工程', '综合楼工程', '地下车库工程'] : ['厂房工程', '仓储设施工程', '综合楼工程']);
const CONTRACTORS = ['建筑工程', '市政工程', '交通建设'];
const DEFECTS = ['钢筋保护层厚度不符合设计要求', '混凝土强度未达到设计等级', '未按规定设置安全防护设施'];

export const VIOLATION_CASES: readonly ViolationCase[] = [
  {
    department: 'food', districtShare: 0.8, type: '经营超过保质期的食品',
    facts: (r, c) => `经查，当事人于${day(c)}经营超过保质期的${r.pick(FOODS)}${r.int(5, 80)}件，货值金额${r.int(80, 2000)}元。`,
    basis: '《中华人民共和国食品安全法》第一百二十四条第一款第（五）项',
    categories: ['没收违法所得', '罚款'], fine: [50000, 100000], confiscation: [100, 3000], forPersons: false, offenders: FOOD_TRADE,
  },
  {
    department: 'market', districtShare: 0.9, type: '未明码标价',
    facts: (r) => `经查，当事人在经营场所${r.pick(['销售的商品', '提供的服务', '销售的商品及提供的服务'])}未按规定明码标价。`,
    basis: '《中华人民共和国价格法》第四十二条',
    categories: ['警告', '罚款'], fine: [500, 5000], forPersons: false, offenders: SELLERS,
  },
  {
    department: 'market', districtShare: 0.5, type: '发布虚假广告',
    facts: (r, c) =>
      `经查，当事人通过${r.pick(AD_CHANNELS)}发布的${productOf(r, c)}广告中含有“${r.pick(AD_CLAIMS)}”等虚假内容，广告费用${r.int(2, 60) * 100}元。`,
    basis: '《中华人民共和国广告法》第五十五条第一款',
    categories: ['罚款'], fine: [30000, 200000], forPersons: false, offenders: Object.keys(PRODUCTS_SOLD),
  },
  {
    department: 'market', districtShare: 0.6, type: '销售不合格产品',
    facts: (r, c) => {
      const product = productOf(r, c);
      return (
        `经抽样检验，当事人于${day(c)}销售的${product}（批号${c.found.toFormat('yyyyMMdd')}${r.int(10, 99)}）` +
        `${r.pick(PRODUCTS[product])}项目不合格，货值金额${r.int(500, 20000)}元。`
      );
    },
    basis: '《中华人民共和国产品质量法》第四十九条',
    categories: ['没收违法所得', '罚款'], fine: [10000, 80000], confiscation: [300, 5000], forPersons: false, offenders: ['商贸', '服装零售', '五金零售', '建材'],
  },
  {
    department: 'food', districtShare: 0.9, type: '未取得食品经营许可从事食品经营活动',
    facts: (r, c) => `经查，当事人未取得食品经营许可，自${day(c)}起在${c.party.district.name}${r.pick(STREETS)}从事${r.pick(FOODS)}经营活动。`,
    basis: '《中华人民共和国食品安全法》第一百二十二条第一款',
    categories: ['没收违法所得', '没收非法财物', '罚款'], fine: [50000, 100000], confiscation: [100, 2000], forPersons: true, offenders: FOOD_TRADE,
  },
  {
    department: 'environment', districtShare: 0.6, type: '超标排放大气污染物',
    facts: (r, c) =>
      `经监测，当事人${r.pick(outletOf(c).outlets)}排放口于${day(c)}排放的${r.pick(POLLUTANTS)}浓度超过《${outletOf(c).standard}》规定的排放限值。`,
    basis: '《中华人民共和国大气污染防治法》第九十九条第（二）项',
    categories: ['罚款'], fine: [100000, 1000000], forPersons: false, offenders: EMITTERS,
  },
  {
    department: 'environment', districtShare: 0.8, type: '未采取扬尘污染防治措施',
    facts: (r, c) => `经现场检查，当事人承建的${c.party.district.name}${r.pick(PROJECTS)}施工现场未采取覆盖、洒水等扬尘污染防治措施，裸露土方约${r.int(200, 5000)}平方米。`,
    basis: '《中华人民共和国大气污染防治法》第一百一十五条第一款第（一）项',
    categories: ['罚款'], fine: [10000, 100000], forPersons: false, offenders: CONTRACTORS,
  },
  {
    department: 'environment', districtShare: 0.3, type: '未依法取得排污许可证排放污染物',
    facts: (r, c) => `经查，当事人未依法取得排污许可证，自${day(c)}起排放${r.pick(['化学需氧量、氨氮', '颗粒物、挥发性有机物'])}等污染物。`,
    basis: '《排污许可管理条例》第三十三条第（一）项',
    categories: ['责令停产停业', '罚款'], fine: [200000, 1000000], forPersons: false, offenders: DISCHARGERS,
  },
  {
    department: 'environment', districtShare: 1, type: '露天焚烧秸秆',
    facts: (r, c) => `经巡查发现，当事人于${day(c)}在${c.party.district.name}${r.pick(['永胜村', '前进村', '太平村'])}露天焚烧${r.pick(['玉米秸秆', '树叶杂草', '生活垃圾'])}。`,
    basis: '《中华人民共和国大气污染防治法》第一百一十九条第一款',
    categories: ['罚款'], fine: [500, 2000], forPersons: true, offenders: [],
  },
  {
    department: 'emergency', districtShare: 0.7, type: '未按规定对从业人员进行安全生产教育和培训',
    facts: (r) => `经检查，当事人未按规定对${r.int(3, 60)}名从业人员进行安全生产教育和培训，未如实记录安全生产教育和培训情况。`,
    basis: '《中华人民共和国安全生产法》第九十七条第（三）项',
    categories: ['罚款'], fine: [10000, 100000], forPersons: false, offenders: WORKS,
  },
  {
    department: 'emergency', districtShare: 0.6, type: '未对安全设备进行经常性维护、保养和定期检测',
    facts: (r) => `经检查，当事人${r.pick(['可燃气体报警装置', '消防喷淋系统', '防爆电气设备'])}未进行经常性维护、保养和定期检测。`,
    basis: '《中华人民共和国安全生产法》第九十九条第（三）项',
    categories: ['罚款'], fine: [50000, 200000], forPersons: false, offenders: industriesIn('oilfield', 'petrochemical', 'gas'),
  },
  {
    department: 'emergency', districtShare: 0.5, type: '未取得危险化学品经营许可证经营危险化学品',
    facts: (r, c) => `经查，当事人未取得危险化学品经营许可证，自${day(c)}起擅自经营${r.pick(UNLICENSED_CHEMICALS[industryOf(c)] ?? UNLICENSED_CHEMICALS.商贸)}。`,
    basis: '《危险化学品安全管理条例》第七十七条第三款',
    categories: ['没收违法所得', '罚款'], fine: [100000, 200000], confiscation: [1000, 20000], forPersons: false, offenders: Object.keys(UNLICENSED_CHEMICALS),
  },
  {
    department: 'housing', districtShare: 0.5, type: '未取得施工许可证擅自施工',
    facts: (r, c) => `经查，当事人建设的${c.party.district.name}${builtBy(r, c)}未取得施工许可证，于${day(c)}擅自开工建设，合同价款${r.int(300, 20000)}万元。`,
    basis: '《建筑工程施工许可管理办法》第十二条',
    categories: ['罚款'], fine: [10000, 300000], forPersons: false, offenders: BUILDERS,
  },
  {
    department: 'housing', districtShare: 0.3, type: '未按照工程建设强制性标准进行施工',
    facts: (r, c) => `经检查，当事人承建的${c.party.district.name}${r.pick(PROJECTS)}${r.pick(DEFECTS)}，违反工程建设强制性标准。`,
    basis: '《建设工程质量管理条例》第六十四条',
    categories: ['责令停业整顿', '罚款'], fine: [200000, 800000], forPersons: false, offenders: CONTRACTORS,
  },
  {
    department: 'urbanManagement', districtShare: 0.9, type: '随意倾倒建筑垃圾',
    facts: (r, c) => `经查，当事人于${day(c)}在${c.party.district.name}${r.pick(STREETS)}随意倾倒建筑垃圾约${r.int(1, 20)}立方米。`,
    basis: '《城市建筑垃圾管理规定》第二十六条',
    categories: ['罚款'], fine: [50, 200], forPersons: true, offenders: [],
  },
  {
    department: 'market', districtShare: 1, type: '无照经营',
    facts: (r, c) => `经查，当事人未依法取得营业执照，自${day(c)}起在${c.party.district.name}${r.pick(STREETS)}从事${r.pick(['餐饮', '服装零售', '手机维修'])}经营活动。`,
    basis: '《无证无照经营查处办法》第十三条',
    categories: ['没收违法所得', '罚款'], fine: [1000, 10000], confiscation: [100, 1000], forPersons: true, offenders: [],
  },
  {
    department: 'food', districtShare: 0.3, type: '生产经营添加非食用物质的食品',
    facts: (r, c) => `经抽样检验，当事人于${day(c)}经营的${r.pick(FOODS)}中检出${r.pick(['罂粟碱', '苏丹红', '硼砂'])}，属于添加非食用物质的食品。`,
    basis: '《中华人民共和国食品安全法》第一百二十三条第一款第（一）项',
    categories: ['没收违法所得', '罚款', '吊销许可证'], fine: [100000, 500000], confiscation: [1000, 10000], revokes: '食品经营许可证',
    forPersons: false, offenders: ['餐饮服务', '餐饮管理', '食品', '零售'],
  },
  {
    department: 'food', districtShare: 0.9, type: '未按规定查验进货记录',
    facts: () => '经检查，当事人未按规定建立并遵守进货查验记录制度，未查验供货者的许可证和产品合格证明文件。',
    basis: '《中华人民共和国食品安全法》第一百二十六条第一款第（三）项',
    categories: ['警告'], forPersons: false, offenders: FOOD_TRADE,
  },
];
