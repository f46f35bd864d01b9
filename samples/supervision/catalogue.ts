import { DEFAULT_CITY } from '../../src/connectorKit';
import { authority, type Department } from '../credit/authorities';
import { DISTRICTS, sectorOf, type Enterprise, type Sector } from '../kit/population';

/**
 * What the city's departments inspect at random (双随机一公开): each department's item templates,
 * and every body that keeps a list of them (the city bureau, and its district and county
 * counterparts where it has them). The names, categories and laws are the kinds the departments'
 * published lists show; the item codes are this world's own (connectors/supervision/README.md).
 */
export type InspectingDepartment = Extract<Department, 'market' | 'environment' | 'emergency' | 'housing' | 'transport' | 'health'>;

export interface ItemTemplate {
  department: InspectingDepartment;
  /** 事项名称. */
  name: string;
  /** 抽查类别. */
  category: '重点检查事项' | '一般检查事项';
  /** 检查对象, as the list writes it. */
  inspects: string;
  /** 检查方式. */
  method: string;
  /** 抽查依据: the laws named, no article (the articles the real lists cite are not confirmed here). */
  basis: string;
  /** Which enterprises the item applies to: a result inspects only those. */
  fits: (e: Enterprise) => boolean;
}

/** The department's letters in an item code, and the first of its task numbers. */
export const DEPARTMENT_LETTERS: Readonly<Record<InspectingDepartment, string>> = {
  market: 'SJ',
  environment: 'HJ',
  emergency: 'YJ',
  housing: 'ZJ',
  transport: 'JT',
  health: 'WJ',
};

const company = (e: Enterprise) => e.category === '企业';
const inSectors = (...sectors: Sector[]) => (e: Enterprise) => company(e) && sectors.includes(sectorOf(e.industry));

const TEMPLATES: readonly ItemTemplate[] = [
  { department: 'market', name: '企业公示信息抽查', category: '一般检查事项', inspects: '企业', method: '书面检查、实地核查、网络监测', basis: '《企业信息公示暂行条例》', fits: company },
  { department: 'market', name: '个体工商户年度报告信息抽查', category: '一般检查事项', inspects: '个体工商户', method: '书面检查、实地核查', basis: '《个体工商户年度报告暂行办法》', fits: (e) => e.category === '个体工商户' },
  { department: 'market', name: '农民专业合作社年度报告信息抽查', category: '一般检查事项', inspects: '农民专业合作社', method: '书面检查', basis: '《农民专业合作社年度报告公示办法》', fits: (e) => e.category === '农民专业合作社' },
  { department: 'market', name: '食品生产者生产活动监督检查', category: '重点检查事项', inspects: '食品生产企业', method: '实地核查、抽样检测', basis: '《中华人民共和国食品安全法》', fits: inSectors('food', 'dairy') },
  { department: 'market', name: '工业产品生产许可证获证企业监督检查', category: '重点检查事项', inspects: '工业产品生产许可证获证企业', method: '实地核查、抽样检测', basis: '《中华人民共和国工业产品生产许可证管理条例》', fits: inSectors('manufacturing', 'petrochemical', 'construction') },
  { department: 'market', name: '特种设备使用单位监督检查', category: '重点检查事项', inspects: '特种设备使用单位', method: '实地核查', basis: '《中华人民共和国特种设备安全法》', fits: inSectors('oilfield', 'petrochemical', 'gas', 'utility', 'logistics') },
  { department: 'market', name: '广告发布行为监督检查', category: '一般检查事项', inspects: '广告主、广告经营者、广告发布者', method: '网络监测、书面检查', basis: '《中华人民共和国广告法》', fits: inSectors('services', 'technology', 'food') },
  { department: 'market', name: '产品质量监督抽查', category: '重点检查事项', inspects: '产品生产、销售企业', method: '抽样检测', basis: '《中华人民共和国产品质量法》', fits: inSectors('manufacturing', 'petrochemical', 'food', 'dairy') },
  { department: 'environment', name: '排污许可证执行情况检查', category: '重点检查事项', inspects: '排污许可重点管理单位', method: '实地核查、台账检查、自动监控数据核查', basis: '《排污许可管理条例》', fits: inSectors('oilfield', 'petrochemical', 'utility') },
  { department: 'environment', name: '建设项目环境保护“三同时”检查', category: '一般检查事项', inspects: '建设项目建设单位', method: '实地核查', basis: '《建设项目环境保护管理条例》', fits: inSectors('construction', 'oilfield') },
  { department: 'environment', name: '危险废物规范化环境管理检查', category: '重点检查事项', inspects: '危险废物产生和经营单位', method: '实地核查、台账检查', basis: '《中华人民共和国固体废物污染环境防治法》', fits: inSectors('oilfield', 'petrochemical', 'manufacturing') },
  { department: 'emergency', name: '危险化学品生产经营单位安全生产检查', category: '重点检查事项', inspects: '危险化学品生产、经营单位', method: '实地核查', basis: '《危险化学品安全管理条例》', fits: inSectors('petrochemical', 'gas') },
  { department: 'emergency', name: '工贸企业安全生产检查', category: '一般检查事项', inspects: '冶金、建材、机械、轻工等工贸企业', method: '实地核查、书面检查', basis: '《中华人民共和国安全生产法》', fits: inSectors('manufacturing', 'food', 'dairy') },
  { department: 'emergency', name: '石油天然气开采单位安全生产检查', category: '重点检查事项', inspects: '石油天然气开采及油田技术服务单位', method: '实地核查', basis: '《中华人民共和国安全生产法》《非煤矿矿山企业安全生产许可证实施办法》', fits: inSectors('oilfield') },
  { department: 'housing', name: '建筑施工企业安全生产许可条件检查', category: '重点检查事项', inspects: '建筑施工企业', method: '实地核查、书面检查', basis: '《建筑施工企业安全生产许可证管理规定》', fits: inSectors('construction') },
  { department: 'transport', name: '道路运输经营者经营行为检查', category: '一般检查事项', inspects: '道路运输经营者', method: '实地核查、书面检查', basis: '《中华人民共和国道路运输条例》', fits: inSectors('logistics') },
  { department: 'health', name: '公共场所卫生监督检查', category: '一般检查事项', inspects: '公共场所经营单位', method: '实地核查、抽样检测', basis: '《公共场所卫生管理条例》', fits: (e) => e.category === '个体工商户' || sectorOf(e.industry) === 'services' },
];

/** One item of one body's list: a template as a department's city or district body lists it. */
export interface CatalogueItem {
  template: ItemTemplate;
  /** 事项编码, e.g. SJ-230602-004. */
  code: string;
  /** 检查主体: the body whose list it is. */
  body: string;
  /** 所属区划: the city, or the body's district or county. */
  division: { name: string; code: string };
}

/**
 * Every item of every body's list: the city bureaus' first, then each district's and county's, so a
 * small scale still holds every department. Seed-independent: the lists are the departments' own.
 */
export const CATALOGUE: readonly CatalogueItem[] = [undefined, ...DISTRICTS].flatMap((district) =>
  TEMPLATES.flatMap((template, t) => {
    const body = authority(template.department, district);
    // A department without district bodies (交通运输局 here) keeps one list, the city's.
    if (district && !body.district) return [];
    const division = district ? { name: district.name, code: district.code } : { name: DEFAULT_CITY.name, code: DEFAULT_CITY.code };
    const code = `${DEPARTMENT_LETTERS[template.department]}-${division.code}-${String(t + 1).padStart(3, '0')}`;
    return [{ template, code, body: body.name, division }];
  }),
);

/** The items a feed of this scale lists at its first edition (the catalogue, or its first `scale`). */
export function catalogueSize(scale: number): number {
  return Math.min(scale, CATALOGUE.length);
}
