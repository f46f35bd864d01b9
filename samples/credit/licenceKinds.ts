import type { DateTime } from 'luxon';
import { DEFAULT_CITY } from '../../src/connectorKit';
import { INDUSTRIES, industriesIn } from '../kit/population';
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
 * The licences the sample city's bodies grant, by the kind of licence (行政许可法 第十二条) the
 * 2019 template's XK_XKLB names, with who may hold each, their usual term and the way their
 * numbers are written.
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
  /**
   * Who may hold it: natural persons, or enterprises of these industries (samples/kit/population.ts
   * INDUSTRIES), so a gas licence goes to a gas company and never to a breakfast shop.
   */
  holders: 'persons' | readonly string[];
  /** Code inside the document number: 庆市监食经许〔2025〕123号. */
  docCode: string;
  content(r: Random, c: LicenceContext): string;
  number(r: Random, c: LicenceContext): string;
}

/** The province's one-character abbreviation (黑) that real licence numbers begin with. */
const PROVINCE = DEFAULT_CITY.provinceAbbreviation;
/** The city's letter on vehicle plates and special-equipment numbers (黑E for 大庆). */
const CITY_LETTER = 'E';
/** The city's short name in licence numbers (黑庆危化经字…, 取水(黑庆)字…). */
const CITY_SHORT = '庆';
/** The city's telephone area code without its 0, which drug-trade licence numbers carry (黑CB459…). */
const AREA = DEFAULT_CITY.phoneAreaCode.slice(1);

const seq = (c: LicenceContext, width: number) => String(c.index + 1).padStart(width, '0');
const orgCode = (c: LicenceContext) => (c.party.kind === 'organisation' ? c.party.enterprise.uscc : '');
/** The holder's industry; '' for a natural person. */
const industryOf = (c: LicenceContext) => (c.party.kind === 'organisation' ? c.party.enterprise.industry : '');

const CATERING = ['餐饮服务', '餐饮管理'];
const SHOP_FOODS = ['预包装食品销售（含冷藏冷冻食品）', '散装食品销售（不含冷藏冷冻食品）'];
const CATERING_FOODS = ['热食类食品制售', '冷食类食品制售', '糕点类食品制售（不含裱花蛋糕）', '自制饮品制售'];

/** 排污许可 行业类别 of each industry that holds a discharge permit (固定污染源排污许可分类管理名录). */
const DISCHARGE_CLASSES: Readonly<Record<string, string>> = {
  石油炼制: '原油加工及石油制品制造',
  石油化工: '有机化学原料制造',
  精细化工: '专用化学产品制造',
  油田化学: '专用化学产品制造',
  热力: '热力生产和供应',
  水务: '污水处理及其再生利用',
  乳业: '液体乳及乳制品制造',
  粮油加工: '食用植物油加工',
  建材: '水泥制品制造',
};

/** What each kind of dangerous-chemicals trader sells. */
const CHEMICALS: Readonly<Record<string, readonly string[]>> = {
  石油炼制: ['汽油、柴油', '石脑油、液化石油气'],
  石油化工: ['甲醇、乙醇', '苯、甲苯、二甲苯'],
  精细化工: ['甲醇、乙醇', '油漆、稀释剂'],
  油田化学: ['盐酸、氢氟酸', '甲醇、乙二醇'],
  燃气: ['液化石油气', '压缩天然气'],
  商贸: ['汽油、柴油', '油漆、稀释剂', '盐酸、硫酸'],
};

/** Contractors' qualifications by trade (建筑业企业资质标准). */
const QUALIFICATIONS: Readonly<Record<string, readonly string[]>> = {
  建筑工程: ['建筑工程施工总承包三级', '施工劳务不分等级'],
  市政工程: ['市政公用工程施工总承包三级'],
  交通建设: ['公路工程施工总承包三级', '公路路面工程专业承包三级'],
  园林绿化: ['施工劳务不分等级'],
  环保科技: ['环保工程专业承包三级'],
};

/** Special equipment by who uses it, with the equipment's letter in the registration number. */
const EQUIPMENT: ReadonlyArray<{ industries: readonly string[]; name: string; letter: string }> = [
  { industries: ['物业服务', '房地产开发'], name: '曳引驱动乘客电梯', letter: '梯' },
  { industries: ['物流', '道路运输', '机械制造', '石油装备制造'], name: '桥式起重机', letter: '起' },
  { industries: ['热力', '乳业', '粮油加工', '食品'], name: '承压蒸汽锅炉', letter: '锅' },
];
const PRESSURE_VESSEL = { name: '固定式压力容器', letter: '容' };
const equipmentOf = (c: LicenceContext) => EQUIPMENT.find((e) => e.industries.includes(industryOf(c))) ?? PRESSURE_VESSEL;

/** Projects needing the city's approval (企业投资项目核准), by the industry that builds them. */
const APPROVED_PROJECTS: Readonly<Record<string, readonly string[]>> = {
  热力: ['生物质热电联产项目', '城市集中供热管网改造项目'],
  水务: ['城镇污水处理厂提标改造项目', '再生水利用工程'],
  燃气: ['天然气长输管道支线工程', '液化天然气（LNG）储配站项目'],
  石油化工: ['乙烯装置节能改造项目', '特种聚烯烃新材料项目'],
  石油炼制: ['炼油装置转型升级项目'],
};

const DEVELOPERS = ['房地产开发'];
const HOUSING = ['住宅楼及地下车库工程', '综合楼工程', '商业综合体工程'];
const PLANTS = ['厂房及配套设施工程', '综合楼工程', '仓储设施工程'];
const VILLAGES = ['永胜村', '红旗村', '前进村', '胜利村', '新发村', '太平村'];

export const LICENCE_KINDS: readonly LicenceKind[] = [
  {
    certificate: '食品经营许可证', documentName: '准予行政许可决定书', category: '普通', department: 'food', districtShare: 0.8,
    years: 5, docCode: '食经许',
    holders: [...industriesIn('food', 'dairy'), ...CATERING, '零售', '商贸'],
    content: (r, c) => {
      const foods = CATERING.includes(industryOf(c)) ? CATERING_FOODS : SHOP_FOODS;
      return [...new Set([r.pick(foods), r.pick(foods)])].join('；');
    },
    // JY, the operator's type (1 seller, 2 caterer), the division, a sequence and a check digit.
    number: (r, c) => `JY${CATERING.includes(industryOf(c)) ? 2 : 1}${c.party.district.code}${seq(c, 6)}${r.int(0, 9)}`,
  },
  {
    certificate: '排污许可证', documentName: '排污许可决定书', category: '普通', department: 'environment', districtShare: 0,
    years: 5, docCode: '排许',
    holders: Object.keys(DISCHARGE_CLASSES),
    content: (r, c) => `行业类别：${DISCHARGE_CLASSES[industryOf(c)]}；管理类别：${r.pick(['重点管理', '简化管理'])}`,
    number: (r, c) => `${orgCode(c)}${String(r.int(1, 3)).padStart(3, '0')}P`,
  },
  {
    certificate: '建筑工程施工许可证', documentName: '建筑工程施工许可决定书', category: '普通', department: 'housing', districtShare: 0.5,
    years: null, docCode: '施许',
    // The builder (建设单位) applies: a developer, or a firm building its own plant.
    holders: [...DEVELOPERS, '石油化工', '乳业', '食品', '物流', '机械制造'],
    content: (r, c) =>
      `${c.party.district.name}${r.pick(DEVELOPERS.includes(industryOf(c)) ? HOUSING : PLANTS)}，建筑面积${r.int(3000, 120000)}平方米，合同价格${r.int(800, 60000)}万元`,
    // Division, date, sequence and section: 20 digits, never mistaken for an ID number (18).
    number: (r, c) => `${c.party.district.code}${c.decided.toFormat('yyyyMMdd')}${seq(c, 4)}01`,
  },
  {
    certificate: '危险化学品经营许可证', documentName: '准予行政许可决定书', category: '普通', department: 'emergency', districtShare: 0.7,
    years: 3, docCode: '危化经许',
    holders: Object.keys(CHEMICALS),
    content: (r, c) => `经营方式：${r.pick(['带有储存设施经营', '不带储存设施经营（票据）'])}；许可范围：${r.pick(CHEMICALS[industryOf(c)])}`,
    number: (r, c) => `${PROVINCE}${CITY_SHORT}危化经字〔${c.decided.year}〕${seq(c, 6)}`,
  },
  {
    certificate: '药品经营许可证', documentName: '准予行政许可决定书', category: '普通', department: 'market', districtShare: 0,
    years: 5, docCode: '药经许',
    holders: ['医药'],
    content: () => '零售（连锁）：中成药、化学药制剂、抗生素制剂、生化药品、生物制品（除疫苗）',
    number: (r, c) => `${PROVINCE}CB${AREA}${seq(c, 4)}`,
  },
  {
    certificate: '道路运输经营许可证', documentName: '道路运输经营许可决定书', category: '普通', department: 'transport', districtShare: 0,
    years: 4, docCode: '道运许',
    holders: industriesIn('logistics'),
    content: (r) => r.pick(['道路普通货物运输', '道路普通货物运输；货物专用运输（集装箱）', '道路危险货物运输（第3类）']),
    number: (r, c) => `${PROVINCE}交运管许可${CITY_SHORT}字${c.party.district.code}${seq(c, 6)}号`,
  },
  {
    certificate: '营业执照', documentName: '准予设立登记通知书', category: '登记', department: 'market', districtShare: 0.7,
    years: null, docCode: '登',
    // Every business registers, whatever it does.
    holders: Object.keys(INDUSTRIES),
    content: () => '设立登记',
    number: (r, c) => orgCode(c),
  },
  {
    certificate: '燃气经营许可证', documentName: '准予行政许可决定书', category: '特许', department: 'housing', districtShare: 0,
    years: 3, docCode: '燃许',
    holders: industriesIn('gas'),
    content: (r) => r.pick(['管道燃气经营', '瓶装液化石油气经营', '汽车加气站（CNG）经营']),
    // The province, the year, the city's number in the province (大庆 06), a sequence.
    number: (r, c) => `${PROVINCE}${c.decided.year}${DEFAULT_CITY.code.slice(2, 4)}${seq(c, 4)}G`,
  },
  {
    certificate: '建筑业企业资质证书', documentName: '建筑业企业资质审批决定书', category: '认可', department: 'housing', districtShare: 0,
    years: 5, docCode: '资质',
    holders: Object.keys(QUALIFICATIONS),
    content: (r, c) => r.pick(QUALIFICATIONS[industryOf(c)]),
    // D, the issuing level (3: a city), the province's code, a sequence.
    number: (r, c) => `D3${DEFAULT_CITY.provinceCode.slice(0, 2)}${seq(c, 6)}`,
  },
  {
    certificate: '特种设备使用登记证', documentName: '特种设备使用登记决定书', category: '登记', department: 'market', districtShare: 0.8,
    years: null, docCode: '特设登',
    holders: [...industriesIn('oilfield', 'petrochemical', 'gas', 'utility', 'dairy', 'food', 'logistics', 'manufacturing'), '物业服务', '房地产开发'],
    content: (r, c) => `${equipmentOf(c).name}使用登记`,
    number: (r, c) => `${equipmentOf(c).letter}11${PROVINCE}${CITY_LETTER}${seq(c, 5)}(${c.decided.toFormat('yy')})`,
  },
  {
    certificate: '', documentName: '企业投资项目核准批复', category: '核准', department: 'development', districtShare: 0,
    years: 2, docCode: '核准',
    holders: Object.keys(APPROVED_PROJECTS),
    content: (r, c) => `${c.party.district.name}${r.pick(APPROVED_PROJECTS[industryOf(c)])}核准`,
    number: (r, c) => `${CITY_SHORT}发改核准〔${c.decided.year}〕${seq(c, 3)}号`,
  },
  {
    certificate: '取水许可证', documentName: '取水许可决定书', category: '普通', department: 'water', districtShare: 0,
    years: 5, docCode: '取水许',
    holders: ['水务', '热力', '石油化工', '石油炼制', '乳业', '粮油加工', ...industriesIn('agriculture')],
    content: (r) => `取水方式：${r.pick(['地下水', '地表水'])}；年取水量${r.int(2, 300)}万立方米`,
    number: (r, c) => `取水(${PROVINCE}${CITY_SHORT})字[${c.decided.year}]第${seq(c, 5)}号`,
  },
  {
    certificate: '公共场所卫生许可证', documentName: '准予行政许可决定书', category: '普通', department: 'health', districtShare: 0.8,
    years: 4, docCode: '卫公许',
    // Barbers and bathhouses: the individual businesses of 生活服务.
    holders: ['生活服务'],
    content: (r) => r.pick(['美容美发', '沐浴']),
    number: (r, c) => `${PROVINCE}卫公证字〔${c.decided.year}〕第${c.party.district.code}${seq(c, 6)}号`,
  },
  {
    certificate: '医师执业证书', documentName: '医师执业注册决定书', category: '认可', department: 'health', districtShare: 0.4,
    years: null, holders: 'persons', docCode: '医执',
    content: (r) => `执业类别：${r.pick(['临床', '中医', '口腔'])}；执业范围：${r.pick(['内科专业', '外科专业', '儿科专业', '全科医学专业'])}`,
    number: (r, c) => `110${DEFAULT_CITY.code.slice(0, 4)}${seq(c, 8)}`,
  },
  {
    certificate: '乡村建设规划许可证', documentName: '乡村建设规划许可决定书', category: '普通', department: 'planning', districtShare: 1,
    years: 2, holders: 'persons', docCode: '乡规许',
    content: (r, c) => `${c.party.district.name}${r.pick(VILLAGES)}村民住宅建设，建筑面积${r.int(90, 260)}平方米`,
    number: (r, c) => `乡字第${c.party.district.code}${c.decided.year}${seq(c, 4)}号`,
  },
];

/** Whether a party may hold a licence of this kind: a person a person's licence, an enterprise one its industry fits. */
export function mayHold(kind: LicenceKind, party: SampleParty): boolean {
  if (kind.holders === 'persons') return party.kind === 'person';
  return party.kind === 'organisation' && kind.holders.includes(party.enterprise.industry);
}
