import type { DateTime } from 'luxon';
import type { Random } from '../kit/random';
import type { Department } from './authorities';
import type { SampleParty } from './parties';

/** What a licence's generated texts may depend on. */
export interface LicenceContext {
  party: SampleParty;
  decided: DateTime;
  /** The record's index: sequence numbers derive from it, so they never repeat. */
  index: number;
}

/**
 * The licences 石家庄市's bodies grant, by the kind of licence (行政许可法 第十二条) the 2019
 * template's XK_XKLB names, with their usual term and the way their numbers are written.
 */
export interface LicenceKind {
  /** 许可证书名称 (XK_XKZS); blank for a decision that issues no certificate. */
  certificate: string;
  /** 行政许可决定文书名称 (XK_XKWS). */
  documentName: string;
  /** 许可类别 as written. */
  category: string;
  department: Department;
  /** Share of decisions made by district bodies. */
  districtShare: number;
  /** Term in years; null for no end (the feed writes 长期). */
  years: number | null;
  /** Who applies for it. */
  forPersons: boolean;
  /** Code inside the document number: 石审批食经许〔2026〕123号. */
  docCode: string;
  content(r: Random, c: LicenceContext): string;
  number(r: Random, c: LicenceContext): string;
}

const seq = (c: LicenceContext, width: number) => String(c.index + 1).padStart(width, '0');
const orgCode = (c: LicenceContext) => (c.party.kind === 'organisation' ? c.party.enterprise.uscc : '');

const FOODS = ['预包装食品销售（含冷藏冷冻食品）', '散装食品销售（不含冷藏冷冻食品）', '热食类食品制售', '冷食类食品制售', '糕点类食品制售（不含裱花蛋糕）', '自制饮品制售'];
const INDUSTRIES = ['火力发电', '水泥制造', '炼焦', '化学药品原料药制造', '热力生产和供应', '污水处理及其再生利用'];
const PROJECTS = ['住宅楼及地下车库工程', '综合楼工程', '厂房及配套设施工程', '学校教学楼工程', '商业综合体工程'];
const CHEMICALS = ['汽油、柴油', '甲醇、乙醇', '盐酸、硫酸', '液化石油气', '油漆、稀释剂'];
const VILLAGES = ['东营村', '西里村', '南杨庄村', '北焦村', '塔冢村', '留村'];

export const LICENCE_KINDS: readonly LicenceKind[] = [
  {
    certificate: '食品经营许可证', documentName: '准予行政许可决定书', category: '普通', department: 'approval', districtShare: 0.8,
    years: 5, forPersons: false, docCode: '食经许',
    content: (r) => [...new Set([r.pick(FOODS), r.pick(FOODS)])].join('；'),
    number: (r, c) => `JY1${c.party.district.code}${seq(c, 6)}${r.int(0, 9)}`,
  },
  {
    certificate: '排污许可证', documentName: '排污许可决定书', category: '普通', department: 'environment', districtShare: 0,
    years: 5, forPersons: false, docCode: '排许',
    content: (r) => `行业类别：${r.pick(INDUSTRIES)}；管理类别：${r.pick(['重点管理', '简化管理'])}`,
    number: (r, c) => `${orgCode(c)}${String(r.int(1, 3)).padStart(3, '0')}P`,
  },
  {
    certificate: '建筑工程施工许可证', documentName: '建筑工程施工许可决定书', category: '普通', department: 'housing', districtShare: 0.5,
    years: null, forPersons: false, docCode: '施许',
    content: (r, c) => `${c.party.district.name}${r.pick(PROJECTS)}，建筑面积${r.int(3000, 120000)}平方米，合同价格${r.int(800, 60000)}万元`,
    // Division, date, sequence and section: 20 digits, never mistaken for an ID number (18).
    number: (r, c) => `${c.party.district.code}${c.decided.toFormat('yyyyMMdd')}${seq(c, 4)}01`,
  },
  {
    certificate: '危险化学品经营许可证', documentName: '准予行政许可决定书', category: '普通', department: 'emergency', districtShare: 0.7,
    years: 3, forPersons: false, docCode: '危化经许',
    content: (r) => `经营方式：${r.pick(['带有储存设施经营', '不带储存设施经营（票据）'])}；许可范围：${r.pick(CHEMICALS)}`,
    number: (r, c) => `冀石危化经字〔${c.decided.year}〕${seq(c, 6)}`,
  },
  {
    certificate: '药品经营许可证', documentName: '准予行政许可决定书', category: '普通', department: 'market', districtShare: 0,
    years: 5, forPersons: false, docCode: '药经许',
    content: () => '零售（连锁）：中成药、化学药制剂、抗生素制剂、生化药品、生物制品（除疫苗）',
    number: (r, c) => `冀CB311${seq(c, 4)}`,
  },
  {
    certificate: '道路运输经营许可证', documentName: '道路运输经营许可决定书', category: '普通', department: 'transport', districtShare: 0,
    years: 4, forPersons: false, docCode: '道运许',
    content: (r) => r.pick(['道路普通货物运输', '道路普通货物运输；货物专用运输（集装箱）', '道路危险货物运输（第3类）']),
    number: (r, c) => `冀交运管许可石字${c.party.district.code}${seq(c, 6)}号`,
  },
  {
    certificate: '营业执照', documentName: '准予设立登记通知书', category: '登记', department: 'approval', districtShare: 0.7,
    years: null, forPersons: false, docCode: '登',
    content: () => '设立登记',
    number: (r, c) => orgCode(c),
  },
  {
    certificate: '燃气经营许可证', documentName: '准予行政许可决定书', category: '特许', department: 'housing', districtShare: 0,
    years: 3, forPersons: false, docCode: '燃许',
    content: (r) => r.pick(['管道燃气经营', '瓶装液化石油气经营', '汽车加气站（CNG）经营']),
    number: (r, c) => `冀${c.decided.year}01${seq(c, 4)}G`,
  },
  {
    certificate: '建筑业企业资质证书', documentName: '建筑业企业资质审批决定书', category: '认可', department: 'housing', districtShare: 0,
    years: 5, forPersons: false, docCode: '资质',
    content: (r) => r.pick(['施工劳务不分等级', '建筑工程施工总承包三级', '市政公用工程施工总承包三级', '环保工程专业承包三级']),
    number: (r, c) => `D313${seq(c, 6)}`,
  },
  {
    certificate: '特种设备使用登记证', documentName: '特种设备使用登记决定书', category: '登记', department: 'market', districtShare: 0.8,
    years: null, forPersons: false, docCode: '特设登',
    content: (r) => `${r.pick(['曳引驱动乘客电梯', '固定式压力容器', '承压蒸汽锅炉', '桥式起重机'])}使用登记`,
    number: (r, c) => `${r.pick(['梯', '容', '锅', '起'])}11冀A${seq(c, 5)}(${c.decided.toFormat('yy')})`,
  },
  {
    certificate: '', documentName: '企业投资项目核准批复', category: '核准', department: 'development', districtShare: 0,
    years: 2, forPersons: false, docCode: '核准',
    content: (r, c) => `${c.party.district.name}${r.pick(['220千伏输变电工程', '生物质热电联产项目', '城市集中供热管网改造项目', '垃圾焚烧发电项目'])}核准`,
    number: (r, c) => `石发改核准〔${c.decided.year}〕${seq(c, 3)}号`,
  },
  {
    certificate: '取水许可证', documentName: '取水许可决定书', category: '普通', department: 'water', districtShare: 0,
    years: 5, forPersons: false, docCode: '取水许',
    content: (r) => `取水方式：${r.pick(['地下水', '地表水'])}；年取水量${r.int(2, 300)}万立方米`,
    number: (r, c) => `取水(冀石)字[${c.decided.year}]第${seq(c, 5)}号`,
  },
  {
    certificate: '公共场所卫生许可证', documentName: '准予行政许可决定书', category: '普通', department: 'approval', districtShare: 0.8,
    years: 4, forPersons: false, docCode: '卫公许',
    content: (r) => r.pick(['住宿', '美容美发', '沐浴', '游泳场所']),
    number: (r, c) => `冀卫公证字〔${c.decided.year}〕第${c.party.district.code}${seq(c, 6)}号`,
  },
  {
    certificate: '医师执业证书', documentName: '医师执业注册决定书', category: '认可', department: 'health', districtShare: 0.4,
    years: null, forPersons: true, docCode: '医执',
    content: (r) => `执业类别：${r.pick(['临床', '中医', '口腔'])}；执业范围：${r.pick(['内科专业', '外科专业', '儿科专业', '全科医学专业'])}`,
    number: (r, c) => `1101301${seq(c, 8)}`,
  },
  {
    certificate: '乡村建设规划许可证', documentName: '乡村建设规划许可决定书', category: '普通', department: 'planning', districtShare: 1,
    years: 2, forPersons: true, docCode: '乡规许',
    content: (r, c) => `${c.party.district.name}${r.pick(VILLAGES)}村民住宅建设，建筑面积${r.int(90, 260)}平方米`,
    number: (r, c) => `乡字第${c.party.district.code}${c.decided.year}${seq(c, 4)}号`,
  },
];
