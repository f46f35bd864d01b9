import type { Random } from '../kit/random';

/**
 * The bodies that issue policy documents in the sample 大庆市, with the prefix of their 发文字号
 * (庆政发〔2024〕3号, 庆政规〔2024〕1号). The prefixes follow the common pattern of a city's 机关代字;
 * the city's real ones are not confirmed (connectors/policy/README.md).
 */
export interface Issuer {
  name: string;
  /** The division it publishes for: the city, or a district or county. */
  division: string;
  /** 机关代字: `<prefix>发` for ordinary documents, `<prefix>规` for normative ones. */
  prefix: string;
  /** Only the city government makes 规章 (大庆市人民政府令). */
  makesRegulations: boolean;
  weight: number;
  /** What it writes about. */
  subjects: readonly Subject[];
}

/** One matter a body regulates, with the 主题分类 the platform files it under and what its documents say. */
export interface Subject {
  /** The matter, as a rule's or a measure's name carries it: 城市供热管理 → 大庆市城市供热管理办法. */
  name: string;
  /** 主题分类, in the 国务院公文主题分类 vocabulary. */
  topic: string;
  /** The legal basis a summary cites. */
  basis: string;
  /** What the documents on it provide: the summary's own words, found by search. */
  gist: string;
}

const CITY_SUBJECTS: readonly Subject[] = [
  { name: '城市供热管理', topic: '城乡建设、环境保护', basis: '《黑龙江省城市供热条例》', gist: '明确了供热质量标准、供热收费办法和停热补偿方式' },
  { name: '住宅专项维修资金管理', topic: '城乡建设、环境保护', basis: '《住宅专项维修资金管理办法》', gist: '规定了维修资金的交存、使用、续筹和监督管理' },
  { name: '促进民营经济高质量发展', topic: '国民经济管理、国有资产监管', basis: '《中华人民共和国中小企业促进法》', gist: '从融资支持、要素保障和营商环境等方面提出二十条具体措施' },
  { name: '国有土地上房屋征收与补偿', topic: '城乡建设、环境保护', basis: '《国有土地上房屋征收与补偿条例》', gist: '规范了房屋征收程序、补偿标准和产权调换安置方式' },
  { name: '重大行政决策程序', topic: '综合政务', basis: '《重大行政决策程序暂行条例》', gist: '规定了公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序' },
  { name: '政府信息公开', topic: '综合政务', basis: '《中华人民共和国政府信息公开条例》', gist: '明确了主动公开目录、依申请公开办理时限和政策解读同步发布要求' },
];

const subjectsOf = (...subjects: Array<[string, string, string, string]>): Subject[] => subjects.map(([name, topic, basis, gist]) => ({ name, topic, basis, gist }));

const DISTRICT_SUBJECTS = subjectsOf(
  ['农村人居环境整治', '农业、林业、水利', '《农村人居环境整治提升五年行动方案》', '推进农村厕所改造、生活垃圾收运和生活污水治理'],
  ['老旧小区改造', '城乡建设、环境保护', '《关于全面推进城镇老旧小区改造工作的指导意见》', '明确了改造内容清单、资金筹措渠道和居民议事协商方式'],
  ['优化营商环境', '综合政务', '《优化营商环境条例》', '推行一网通办、容缺受理和涉企事项最多跑一次'],
  ['黑土地保护利用', '农业、林业、水利', '《中华人民共和国黑土地保护法》', '推广保护性耕作、秸秆还田和有机肥替代化肥'],
);

export const ISSUERS: readonly Issuer[] = [
  { name: '大庆市人民政府', division: '大庆市', prefix: '庆政', makesRegulations: true, weight: 16, subjects: CITY_SUBJECTS },
  { name: '大庆市人民政府办公室', division: '大庆市', prefix: '庆政办', makesRegulations: false, weight: 20, subjects: CITY_SUBJECTS },
  {
    name: '大庆市发展和改革委员会', division: '大庆市', prefix: '庆发改', makesRegulations: false, weight: 10,
    subjects: subjectsOf(
      ['社会信用体系建设', '国民经济管理、国有资产监管', '《社会信用体系建设规划纲要》', '健全守信激励和失信惩戒机制，规范信用修复'],
      ['政府定价成本监审', '国民经济管理、国有资产监管', '《政府制定价格成本监审办法》', '规定了成本监审程序和定价成本核定方法'],
      ['重点项目建设管理', '国民经济管理、国有资产监管', '《政府投资条例》', '明确了项目储备、审批服务和调度推进机制'],
    ),
  },
  {
    name: '大庆市财政局', division: '大庆市', prefix: '庆财', makesRegulations: false, weight: 10,
    subjects: subjectsOf(
      ['市级财政专项资金管理', '财政、金融、审计', '《中华人民共和国预算法》', '规范了专项资金的设立、分配、使用和绩效评价'],
      ['预算绩效管理', '财政、金融、审计', '《关于全面实施预算绩效管理的意见》', '将绩效目标、绩效运行监控和评价结果与预算安排挂钩'],
      ['政府采购内部控制', '财政、金融、审计', '《中华人民共和国政府采购法实施条例》', '明确了采购需求管理、采购意向公开和履约验收要求'],
    ),
  },
  {
    name: '大庆市生态环境局', division: '大庆市', prefix: '庆环', makesRegulations: false, weight: 8,
    subjects: subjectsOf(
      ['重污染天气应急', '城乡建设、环境保护', '《中华人民共和国大气污染防治法》', '规定了重污染天气预警分级、应急减排清单和预警解除条件'],
      ['排污许可证后管理', '城乡建设、环境保护', '《排污许可管理条例》', '加强排污单位自行监测、执行报告和环境信息依法披露'],
      ['生态环境损害赔偿', '城乡建设、环境保护', '《生态环境损害赔偿管理规定》', '明确了损害调查、赔偿磋商和修复效果评估流程'],
    ),
  },
  {
    name: '大庆市市场监督管理局', division: '大庆市', prefix: '庆市监', makesRegulations: false, weight: 8,
    subjects: subjectsOf(
      ['食品安全信用分级分类监管', '市场监管、安全生产监管', '《中华人民共和国食品安全法》', '按信用风险等级确定抽查比例和检查频次'],
      ['特种设备安全监督检查', '市场监管、安全生产监管', '《中华人民共和国特种设备安全法》', '明确了电梯、锅炉和压力容器的监督检查重点'],
      ['经营主体信用修复', '市场监管、安全生产监管', '《市场监督管理信用修复管理办法》', '规定了信用修复的申请条件、办理流程和办结时限'],
    ),
  },
  { name: '萨尔图区人民政府', division: '萨尔图区', prefix: '萨政', makesRegulations: false, weight: 7, subjects: DISTRICT_SUBJECTS },
  { name: '让胡路区人民政府', division: '让胡路区', prefix: '让政', makesRegulations: false, weight: 7, subjects: DISTRICT_SUBJECTS },
  { name: '肇州县人民政府', division: '肇州县', prefix: '肇州政', makesRegulations: false, weight: 7, subjects: DISTRICT_SUBJECTS },
  { name: '杜尔伯特蒙古族自治县人民政府', division: '杜尔伯特蒙古族自治县', prefix: '杜政', makesRegulations: false, weight: 7, subjects: DISTRICT_SUBJECTS },
];

const TOTAL_WEIGHT = ISSUERS.reduce((sum, issuer) => sum + issuer.weight, 0);

export function pickIssuer(r: Random): Issuer {
  let roll = r.next() * TOTAL_WEIGHT;
  for (const issuer of ISSUERS) {
    if (roll < issuer.weight) return issuer;
    roll -= issuer.weight;
  }
  return ISSUERS[0];
}
