import type { Random } from '../kit/random';

/**
 * The kinds of PPP project 石家庄市 and its districts and counties put in the library, with the
 * industries, sizes, operation and return modes typical of each. Codes are the library's
 * (operateMode 1 BOT … 9 其他, returnMode 1 政府付费, 2 使用者付费, 3 可行性缺口补助); a code listed
 * twice is twice as likely.
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
  /** The department that implements it (实施机构), under the city or district government. */
  department: string;
  /** Only the city undertakes it (a metro line, the bus fleet). */
  cityOnly?: boolean;
  /** The specific part of the project's name: 第二污水处理厂提标改造及配套管网工程. */
  title(r: Random): string;
}

const STREETS = ['中华大街', '建华大街', '槐安路', '裕华路', '和平路', '友谊大街', '胜利大街', '体育大街', '石环路', '南二环', '北二环', '珠峰大街', '黄河大道', '太行大街', '学府路'];
const EXTENSIONS = ['东延', '西延', '南延', '北延', '改造提升', '快速化改造', '拓宽改造'];
const ORDINALS = ['第一', '第二', '第三', '第四', '第五', '第六'];
const RIVERS = ['滹沱河', '洨河', '民心河', '太平河', '磁河', '绵河'];
const PHASES = ['一期', '二期', '三期'];

export const PROJECT_TYPES: readonly ProjectType[] = [
  {
    industry: ['市政工程', '污水处理'],
    investmentYuan: [3e7, 8e8],
    operateModes: ['1', '1', '5', '3', '2'],
    returnModes: ['3', '3', '2'],
    termYears: [25, 30],
    department: '住房和城乡建设局',
    title: (r) => `${r.pick(['', '第二', '第三', '城东', '城西', '城南', '北部'])}污水处理厂${r.pick(['新建', '提标改造', '扩建'])}及配套管网工程`,
  },
  {
    industry: ['市政工程', '垃圾处理'],
    investmentYuan: [3e8, 2.5e9],
    operateModes: ['1', '1', '4'],
    returnModes: ['3'],
    termYears: [28, 30],
    department: '城市管理综合行政执法局',
    title: (r) => `${r.pick(['', '循环经济产业园', '静脉产业园'])}生活垃圾焚烧发电工程`,
  },
  {
    industry: ['市政工程', '市政道路'],
    investmentYuan: [8e7, 3e9],
    operateModes: ['1', '1', '9'],
    returnModes: ['1', '1', '3'],
    termYears: [10, 20],
    department: '住房和城乡建设局',
    title: (r) => `${r.pick(STREETS)}${r.pick(EXTENSIONS)}工程`,
  },
  {
    industry: ['市政工程', '轨道交通'],
    investmentYuan: [8e9, 4.5e10],
    operateModes: ['1', '5'],
    returnModes: ['3'],
    termYears: [25, 30],
    department: '交通运输局',
    cityOnly: true,
    title: (r) => `城市轨道交通${r.pick(['4', '5', '6'])}号线${r.pick(PHASES)}工程`,
  },
  {
    industry: ['教育', '义务教育'],
    investmentYuan: [4e7, 4e8],
    operateModes: ['1', '1', '9'],
    returnModes: ['1'],
    termYears: [15, 20],
    department: '教育局',
    title: (r) => `${r.pick(ORDINALS)}${r.pick(['小学', '中学'])}新建工程`,
  },
  {
    industry: ['教育', '学前教育'],
    investmentYuan: [1.2e7, 8e7],
    operateModes: ['1', '7'],
    returnModes: ['1', '3'],
    termYears: [10, 15],
    department: '教育局',
    title: (r) => `${r.pick(ORDINALS)}幼儿园建设工程`,
  },
  {
    industry: ['医疗卫生', '医院'],
    investmentYuan: [2e8, 2e9],
    operateModes: ['1', '3'],
    returnModes: ['3'],
    termYears: [15, 25],
    department: '卫生健康局',
    title: (r) => `${r.pick(['人民医院', '中医院', '妇幼保健院'])}${r.pick(['新院区建设', '门诊综合楼建设', '迁建'])}工程`,
  },
  {
    industry: ['养老', '养老业'],
    investmentYuan: [3e7, 5e8],
    operateModes: ['1', '4', '7'],
    returnModes: ['2', '3', '3'],
    termYears: [15, 30],
    department: '民政局',
    title: (r) => `${r.pick(['医养结合养老服务中心', '社会福利中心', '居家养老服务中心'])}建设运营`,
  },
  {
    industry: ['市政工程', '海绵城市'],
    investmentYuan: [2e8, 5e9],
    operateModes: ['1', '3'],
    returnModes: ['1', '3'],
    termYears: [15, 25],
    department: '住房和城乡建设局',
    title: (r) => `海绵城市建设${r.pick(PHASES)}工程`,
  },
  {
    industry: ['市政工程', '供热'],
    investmentYuan: [1e8, 2e9],
    operateModes: ['3', '2', '1', '5'],
    returnModes: ['2', '3'],
    termYears: [20, 30],
    department: '城市管理综合行政执法局',
    title: (r) => `集中供热管网${r.pick(['改造', '新建', '延伸'])}工程`,
  },
  {
    industry: ['市政工程', '供水'],
    investmentYuan: [1e8, 1.2e9],
    operateModes: ['1', '2'],
    returnModes: ['2', '3'],
    termYears: [25, 30],
    department: '水务局',
    title: () => '地表水厂及配套供水管网工程',
  },
  {
    industry: ['市政工程', '停车场'],
    investmentYuan: [1.5e7, 3e8],
    operateModes: ['1', '7'],
    returnModes: ['2'],
    termYears: [10, 20],
    department: '城市管理综合行政执法局',
    title: () => '智慧停车场建设运营',
  },
  {
    industry: ['市政工程', '综合管廊'],
    investmentYuan: [2e8, 5e9],
    operateModes: ['1'],
    returnModes: ['3'],
    termYears: [25, 30],
    department: '住房和城乡建设局',
    title: (r) => `地下综合管廊${r.pick(PHASES)}工程`,
  },
  {
    industry: ['生态建设和环境保护', '综合治理'],
    investmentYuan: [1e8, 5e9],
    operateModes: ['1', '9'],
    returnModes: ['1', '3'],
    termYears: [10, 20],
    department: '水务局',
    title: (r) => `${r.pick(RIVERS)}生态修复及综合治理工程`,
  },
  {
    industry: ['体育', '体育场馆'],
    investmentYuan: [5e7, 6e8],
    operateModes: ['1', '3', '7'],
    returnModes: ['3'],
    termYears: [10, 20],
    department: '文化广电和旅游局',
    title: () => '全民健身中心建设运营',
  },
  {
    industry: ['保障性安居工程', '棚户区改造'],
    investmentYuan: [3e8, 3e9],
    operateModes: ['1', '9'],
    returnModes: ['1'],
    termYears: [10, 15],
    department: '住房和城乡建设局',
    title: (r) => `${r.pick(['城中村改造', '棚户区改造'])}安置房建设工程`,
  },
  {
    industry: ['市政工程', '公共交通'],
    investmentYuan: [1e8, 1e9],
    operateModes: ['2', '7', '8'],
    returnModes: ['3'],
    termYears: [10, 15],
    department: '交通运输局',
    cityOnly: true,
    title: () => '新能源公交车购置及运营',
  },
];
