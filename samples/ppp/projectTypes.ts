import type { Random } from '../kit/random';

/**
 * The kinds of PPP project 大庆市 and its districts and counties put in the library, in the city's
 * economy (docs/standards/city.md): heating through the long winter, water supply and sewage,
 * roads, the municipal works of the oilfield areas, farming in the counties, elderly care, and the
 * schools, hospitals and housing every city builds. Each comes with the industries, sizes, modes
 * and terms typical of it. Codes are the library's (operateMode 1 BOT … 9 其他, returnMode
 * 1 政府付费, 2 使用者付费, 3 可行性缺口补助); a code listed twice is twice as likely.
 *
 * Policy the library's records must fit (docs/standards/ppp.md) shapes the list: O&M is only the
 * mode of a type that runs existing assets and builds nothing, and a project initiated under the
 * new mechanism (2023 on) is drawn only from the types its users can pay for (plan.ts).
 */
export interface ProjectType {
  /** 一级行业 / 二级行业 as the library names them. */
  industry: readonly [string, string];
  /** Total investment range in 元, drawn log-uniformly: 千万 to 百亿. */
  investmentYuan: readonly [number, number];
  operateModes: readonly string[];
  returnModes: readonly string[];
  /** Cooperation term range in years. */
  termYears: readonly [number, number];
  /** The department that implements it (实施机构), under the city, district or county government. */
  department: string;
  /** The levels of government that undertake it: the city (市本级), its districts (区), its counties (县). */
  levels: ReadonlyArray<Level>;
  /** The specific part of the project's name: 第二污水处理厂提标改造及配套管网工程. */
  title(r: Random): string;
}

export type Level = 'city' | 'district' | 'county';

const URBAN: readonly Level[] = ['city', 'district'];
const ANY: readonly Level[] = ['city', 'district', 'county'];

// Plausible street names in the style of the sample population's, not a survey of the city's.
const STREETS = ['世纪大道', '东风路', '纬二路', '兴化路', '乘风街', '创业大街', '湖滨路', '学府街', '龙南街', '让胡路大街', '奋斗路', '团结路', '开发路', '建设路'];
const EXTENSIONS = ['东延', '西延', '南延', '北延', '改造提升', '快速化改造', '拓宽改造'];
const ORDINALS = ['第一', '第二', '第三', '第四', '第五', '第六'];
const PHASES = ['一期', '二期', '三期'];
/** The city's waters (docs/standards/city.md): rivers and lakes on its ground, with what is done to each. */
const WATER_WORKS = [
  '乌裕尔河流域水环境综合治理',
  '双阳河流域水环境综合治理',
  '龙虎泡湿地保护与生态修复',
  '连环湖湿地保护与生态修复',
  '嫩江干流堤防加固及生态修复',
];

export const PROJECT_TYPES: readonly ProjectType[] = [
  {
    industry: ['市政工程', '供热'],
    investmentYuan: [1e8, 2e9],
    operateModes: ['1', '3', '3', '5'],
    returnModes: ['2', '2', '3'],
    termYears: [20, 30],
    department: '住房和城乡建设局',
    levels: ANY,
    title: (r) => `集中供热${r.pick(['热源厂新建', '老旧供热管网改造', '换热站智能化改造', '供热管网互联互通'])}工程`,
  },
  {
    // Existing heat plants and networks handed over to run for the term (TOT): users pay the heating fee.
    industry: ['市政工程', '供热'],
    investmentYuan: [2e8, 1.5e9],
    operateModes: ['2'],
    returnModes: ['2'],
    termYears: [20, 30],
    department: '住房和城乡建设局',
    levels: URBAN,
    title: () => '既有供热热源及管网转让运营',
  },
  {
    industry: ['市政工程', '供水'],
    investmentYuan: [1e8, 1.2e9],
    operateModes: ['1', '1', '3'],
    returnModes: ['2', '3'],
    termYears: [25, 30],
    department: '水务局',
    levels: URBAN,
    title: (r) => `${r.pick(['第二', '第三', '城南', '城北'])}水厂及配套供水管网${r.pick(['新建', '扩建', '提标改造'])}工程`,
  },
  {
    industry: ['市政工程', '污水处理'],
    investmentYuan: [3e7, 8e8],
    operateModes: ['1', '1', '5', '3'],
    returnModes: ['3', '3', '2'],
    termYears: [25, 30],
    department: '住房和城乡建设局',
    levels: ANY,
    title: (r) => `${r.pick(['', '第二', '第三', '城南', '城北'])}污水处理厂${r.pick(['新建', '提标改造', '扩建'])}及配套管网工程`,
  },
  {
    // Existing sewage plants run for a fee (委托运营, O&M): the only mode of its kind in the sample.
    industry: ['市政工程', '污水处理'],
    investmentYuan: [3e7, 2e8],
    operateModes: ['7'],
    returnModes: ['1'],
    termYears: [10, 12],
    department: '住房和城乡建设局',
    levels: ANY,
    title: (r) => `${r.pick(['第一', '城南', '城北'])}污水处理厂委托运营`,
  },
  {
    industry: ['市政工程', '市政道路'],
    investmentYuan: [8e7, 3e9],
    operateModes: ['1', '1', '9'],
    returnModes: ['1', '1', '3'],
    termYears: [10, 20],
    department: '住房和城乡建设局',
    levels: URBAN,
    title: (r) => `${r.pick(STREETS)}${r.pick(EXTENSIONS)}工程`,
  },
  {
    // The oilfield's residential and production areas, whose municipal works passed to the city.
    industry: ['市政工程', '其他'],
    investmentYuan: [1e8, 1.5e9],
    operateModes: ['3', '3', '1'],
    returnModes: ['3', '1'],
    termYears: [10, 20],
    department: '住房和城乡建设局',
    levels: ['district'],
    title: (r) => `油田矿区${r.pick(['市政道路及配套管网', '供排水管网', '供热管网', '市政设施'])}改造工程`,
  },
  {
    industry: ['农业', '现代农业'],
    investmentYuan: [5e7, 8e8],
    operateModes: ['1', '9'],
    returnModes: ['1', '3'],
    termYears: [10, 20],
    department: '农业农村局',
    levels: ['county'],
    title: (r) => `${r.pick(['高标准农田建设', '盐碱地综合治理', '现代农业产业园建设'])}工程`,
  },
  {
    industry: ['水利建设', '农村供水'],
    investmentYuan: [3e7, 4e8],
    operateModes: ['1', '3'],
    returnModes: ['2', '3'],
    termYears: [20, 30],
    department: '水务局',
    levels: ['county'],
    title: () => '农村饮水安全巩固提升工程',
  },
  {
    industry: ['养老', '养老业'],
    investmentYuan: [3e7, 5e8],
    operateModes: ['1', '1', '4'],
    returnModes: ['2', '3', '3'],
    termYears: [15, 30],
    department: '民政局',
    levels: ANY,
    title: (r) => `${r.pick(['医养结合养老服务中心', '社会福利中心', '居家养老服务中心'])}建设运营`,
  },
  {
    industry: ['医疗卫生', '医院'],
    investmentYuan: [2e8, 2e9],
    operateModes: ['1', '3'],
    returnModes: ['3'],
    termYears: [15, 25],
    department: '卫生健康局',
    levels: ANY,
    title: (r) => `${r.pick(['人民医院', '中医院', '妇幼保健院'])}${r.pick(['新院区建设', '门诊综合楼建设', '迁建'])}工程`,
  },
  {
    industry: ['教育', '义务教育'],
    investmentYuan: [4e7, 4e8],
    operateModes: ['1', '1', '9'],
    returnModes: ['1'],
    termYears: [15, 20],
    department: '教育局',
    levels: ANY,
    title: (r) => `${r.pick(ORDINALS)}${r.pick(['小学', '中学'])}新建工程`,
  },
  {
    industry: ['教育', '学前教育'],
    investmentYuan: [1.2e7, 8e7],
    operateModes: ['1'],
    returnModes: ['1', '3'],
    termYears: [10, 15],
    department: '教育局',
    levels: ANY,
    title: (r) => `${r.pick(ORDINALS)}幼儿园建设工程`,
  },
  {
    industry: ['市政工程', '垃圾处理'],
    investmentYuan: [3e8, 2.5e9],
    operateModes: ['1', '1', '4'],
    returnModes: ['3'],
    termYears: [28, 30],
    department: '城市管理综合执法局',
    levels: ['city'],
    title: (r) => `${r.pick(['', '循环经济产业园'])}生活垃圾焚烧发电工程`,
  },
  {
    industry: ['生态建设和环境保护', '综合治理'],
    investmentYuan: [1e8, 5e9],
    operateModes: ['1', '9'],
    returnModes: ['1', '3'],
    termYears: [10, 20],
    department: '水务局',
    levels: ['city'],
    title: (r) => `${r.pick(WATER_WORKS)}工程`,
  },
  {
    industry: ['市政工程', '停车场'],
    investmentYuan: [1.5e7, 3e8],
    operateModes: ['1'],
    returnModes: ['2'],
    termYears: [10, 20],
    department: '城市管理综合执法局',
    levels: URBAN,
    title: () => '智慧停车场建设运营',
  },
  {
    industry: ['市政工程', '综合管廊'],
    investmentYuan: [2e8, 5e9],
    operateModes: ['1'],
    returnModes: ['3'],
    termYears: [25, 30],
    department: '住房和城乡建设局',
    levels: URBAN,
    title: (r) => `地下综合管廊${r.pick(PHASES)}工程`,
  },
  {
    industry: ['体育', '体育场馆'],
    investmentYuan: [5e7, 6e8],
    operateModes: ['1', '3'],
    returnModes: ['2', '3', '3'],
    termYears: [10, 20],
    department: '文化广电和旅游局',
    levels: ANY,
    title: () => '全民健身中心建设运营',
  },
  {
    industry: ['保障性安居工程', '棚户区改造'],
    investmentYuan: [3e8, 3e9],
    operateModes: ['1', '9'],
    returnModes: ['1'],
    termYears: [10, 15],
    department: '住房和城乡建设局',
    levels: URBAN,
    title: (r) => `${r.pick(['棚户区改造', '城中村改造'])}安置房建设工程`,
  },
  {
    industry: ['交通运输', '公共交通'],
    investmentYuan: [1e8, 1e9],
    operateModes: ['9', '4'],
    returnModes: ['3'],
    termYears: [10, 15],
    department: '交通运输局',
    levels: ['city'],
    title: () => '新能源公交车购置及运营',
  },
];
