import { DEFAULT_CITY, gb11714CheckCharacter, usccCheckCharacter, type Division } from '../../src/connectorKit';
import { random, type Random } from './random';

/**
 * One city's population of enterprises and their people, shared by every sample feed, so the same
 * company turns up in credit, trading, PPP and emission feeds as it does in a real city. Every
 * enterprise is computed from (seed, index) alone.
 */
export interface Enterprise {
  index: number;
  uscc: string;
  name: string;
  category: '企业' | '个体工商户' | '农民专业合作社';
  district: District;
  address: string;
  legalRep: Person;
  industry: string;
  /** Registered capital in 万元. */
  registeredCapital: number;
}

export interface Person {
  name: string;
  /** 18-digit resident identity number (personal information: stored, never served unmasked). */
  idNumber: string;
  /** Mobile number (personal information). */
  phone: string;
  /** Home address (personal information). */
  homeAddress: string;
}

/** The demo world is the default city's: its enterprises sit in that city's districts. */
export type District = Division;
export const CITY = DEFAULT_CITY.name;
export const PROVINCE = DEFAULT_CITY.province;
export const DISTRICTS: readonly District[] = DEFAULT_CITY.districts;

/** Enterprises in the population; the first CORE_SIZE are the big local firms seen everywhere. */
export const POPULATION_SIZE = 1200;
export const CORE_SIZE = 40;

/**
 * The city's economy (docs/standards/city.md): oil extraction and oilfield services, refining and
 * petrochemicals, natural gas, agriculture and dairy, logistics, and the construction and services
 * every city has. A sector groups industries so that feeds can ask for "a company that would hold a
 * gas licence" or "a tendering agency" rather than name industries one by one.
 */
export const SECTORS = ['oilfield', 'petrochemical', 'gas', 'utility', 'agriculture', 'dairy', 'food', 'logistics', 'construction', 'manufacturing', 'services', 'technology', 'agency'] as const;
export type Sector = (typeof SECTORS)[number];

/** Industry (the label in a company's name) → its sector, with weights that make oil and farming common. */
export const INDUSTRIES: Readonly<Record<string, { sector: Sector; weight: number }>> = {
  石油工程技术服务: { sector: 'oilfield', weight: 6 },
  油田化学: { sector: 'oilfield', weight: 3 },
  钻井工程: { sector: 'oilfield', weight: 3 },
  石油装备制造: { sector: 'oilfield', weight: 3 },
  石油炼制: { sector: 'petrochemical', weight: 2 },
  石油化工: { sector: 'petrochemical', weight: 4 },
  精细化工: { sector: 'petrochemical', weight: 2 },
  燃气: { sector: 'gas', weight: 2 },
  热力: { sector: 'utility', weight: 2 },
  水务: { sector: 'utility', weight: 1 },
  农业科技: { sector: 'agriculture', weight: 3 },
  牧业: { sector: 'agriculture', weight: 2 },
  乳业: { sector: 'dairy', weight: 2 },
  粮油加工: { sector: 'food', weight: 2 },
  食品: { sector: 'food', weight: 2 },
  物流: { sector: 'logistics', weight: 4 },
  道路运输: { sector: 'logistics', weight: 2 },
  建筑工程: { sector: 'construction', weight: 5 },
  市政工程: { sector: 'construction', weight: 2 },
  交通建设: { sector: 'construction', weight: 1 },
  园林绿化: { sector: 'construction', weight: 1 },
  建材: { sector: 'construction', weight: 1 },
  机械制造: { sector: 'manufacturing', weight: 2 },
  环保科技: { sector: 'technology', weight: 2 },
  信息技术: { sector: 'technology', weight: 2 },
  医药: { sector: 'services', weight: 1 },
  // Individual businesses' trades (SHOPS): not drawn for companies.
  餐饮服务: { sector: 'services', weight: 0 },
  零售: { sector: 'services', weight: 0 },
  服装零售: { sector: 'services', weight: 0 },
  五金零售: { sector: 'services', weight: 0 },
  机动车维修: { sector: 'services', weight: 0 },
  生活服务: { sector: 'services', weight: 0 },
  商贸: { sector: 'services', weight: 3 },
  餐饮管理: { sector: 'services', weight: 2 },
  物业服务: { sector: 'services', weight: 2 },
  房地产开发: { sector: 'services', weight: 1 },
  招标代理: { sector: 'agency', weight: 1 },
  工程咨询: { sector: 'agency', weight: 1 },
};

/** The sector of an industry label. */
export function sectorOf(industry: string): Sector {
  return INDUSTRIES[industry]?.sector ?? 'services';
}

/** Industry labels of some sectors, for feeds that pick companies by sector. */
export function industriesIn(...sectors: Sector[]): string[] {
  return Object.entries(INDUSTRIES).filter(([, i]) => sectors.includes(i.sector)).map(([name]) => name);
}

const WEIGHTED_INDUSTRIES = Object.entries(INDUSTRIES).flatMap(([name, { weight }]) => Array<string>(weight).fill(name));

// Fictional trade names (docs/standards/city.md): none is a real enterprise's or brand's, which
// test/unit/fictionalNames.test.ts checks against a list of well-known names.
const TRADE_NAMES = ['庆澜', '萨源', '油城', '鹤鸣', '百湖', '嫩源', '松辽', '泽润', '恒信', '苇川', '鑫泰', '润德', '正元', '博远', '盛达', '永昌', '天元', '德润', '聚源', '金石', '湖垣', '鹤汀', '通达', '庆沣', '庆润', '沃野', '黑土', '雪原', '澄湖', '北垣'];
const SECOND_CHARS = ['瑞', '丰', '源', '达', '兴', '盛', '泰', '安', '和', '宇'];
const SUFFIXES = ['有限公司', '有限公司', '有限责任公司', '股份有限公司', '集团有限公司'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '萧'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '华', '建国', '志强', '海燕', '春梅', '国华', '立新', '红霞', '文博', '子轩', '浩然', '雨萱'];
// Plausible street names, not a survey of the city's (docs/standards/city.md).
const STREETS = ['东风路', '纬二路', '世纪大道', '兴化路', '乘风街', '创业大街', '湖滨路', '建设路', '学府街', '奋斗路', '团结路', '新村路', '开发路', '龙南街', '让胡路大街'];
/** An individual business's shop and the industry it trades in (a licence must fit it). */
const SHOPS: Readonly<Record<string, string>> = {
  面馆: '餐饮服务',
  早点铺: '餐饮服务',
  便利店: '零售',
  烟酒店: '零售',
  粮油店: '零售',
  水果店: '零售',
  // Clothes and hardware apart from the food-selling shops: a food licence must not go to them.
  服装店: '服装零售',
  五金店: '五金零售',
  修车铺: '机动车维修',
  理发店: '生活服务',
};

/** A public office landline in the city's area code: published business contact, not personal data. */
export function officePhone(r: Random): string {
  return `${DEFAULT_CITY.phoneAreaCode}-${r.int(4000000, 6999999)}`;
}

export function enterprise(index: number, seed: number): Enterprise {
  const r = random(seed, 'enterprise', index);
  const district = r.pick(DISTRICTS);
  const kind = index < CORE_SIZE ? 0 : r.next();
  const category = kind < 0.8 ? '企业' : kind < 0.95 ? '个体工商户' : '农民专业合作社';
  const legalRep = person(r, seed, district);
  const shop = r.pick(Object.keys(SHOPS));
  const industry = category === '企业' ? r.pick(WEIGHTED_INDUSTRIES) : category === '个体工商户' ? SHOPS[shop] : r.pick(['农业科技', '牧业']);
  const name =
    category === '企业'
      ? `${index < CORE_SIZE ? '大庆' : r.pick(['大庆', '黑龙江', '大庆市'])}${TRADE_NAMES[index % TRADE_NAMES.length]}${index >= TRADE_NAMES.length ? r.pick(SECOND_CHARS) : ''}${industry}${r.pick(SUFFIXES)}`
      : category === '个体工商户'
        ? `${district.name}${legalRep.name.slice(0, 1)}记${shop}`
        : `${district.name}${r.pick(['丰收', '金穗', '青禾', '惠农', '兴旺'])}${r.pick(['蔬菜', '果品', '养殖', '农机'])}专业合作社`;
  return {
    index,
    uscc: makeUscc(category, district.code, r),
    name,
    category,
    district,
    address: `${PROVINCE}${CITY}${district.name}${r.pick(STREETS)}${r.int(1, 399)}号`,
    legalRep,
    industry,
    registeredCapital: category === '企业' ? r.int(50, index < CORE_SIZE ? 200000 : 20000) : r.int(1, 50),
  };
}

/** An enterprise for a record: the core firms a third of the time, as big firms dominate the feeds. */
export function pickEnterprise(r: Random, seed: number): Enterprise {
  return enterprise(r.chance(0.35) ? r.int(0, CORE_SIZE - 1) : r.int(0, POPULATION_SIZE - 1), seed);
}

export function person(r: Random, seed: number, district: District = r.pick(DISTRICTS)): Person {
  const name = r.pick(SURNAMES) + r.pick(GIVEN);
  const birth = new Date(Date.UTC(r.int(1955, 2000), r.int(0, 11), r.int(1, 28)));
  const body = `${district.code}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${String(r.int(0, 999)).padStart(3, '0')}`;
  return {
    name,
    idNumber: body + idCheckDigit(body),
    phone: `1${r.pick(['3', '5', '7', '8', '9'])}${String(r.int(0, 999999999)).padStart(9, '0')}`,
    homeAddress: `${PROVINCE}${CITY}${district.name}${r.pick(STREETS)}${r.int(1, 200)}号${r.int(1, 30)}栋${r.int(1, 6)}单元${r.int(101, 2802)}室`,
  };
}

/** GB 11643 check digit of a resident identity number (ISO 7064 MOD 11-2). */
export function idCheckDigit(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, ch, i) => s + Number(ch) * weights[i], 0);
  return '10X98765432'[sum % 11];
}

function makeUscc(category: Enterprise['category'], division: string, r: Random): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const kind = category === '企业' ? '1' : category === '个体工商户' ? '2' : '3';
  // Organisation code: mostly digits, sometimes letters, as real codes are; the GB 11714 check digit is
  // honoured so that the hub's warning for it stays rare, as in real registries.
  const org8 = Array.from({ length: 8 }, () => (r.chance(0.1) ? r.pick(alphabet.slice(10).split('')) : String(r.int(0, 9)))).join('');
  const first17 = `9${kind}${division}${org8}${gb11714CheckCharacter(org8)}`;
  return first17 + usccCheckCharacter(first17);
}

/**
 * How codes go wrong in real feeds, for the known share of records that carry a bad one: a typo,
 * a placeholder, or forms the hub must normalise (lower case, blanks, full-width characters).
 */
export function variantOfCode(uscc: string, r: Random): { code: string; valid: boolean } {
  const roll = r.next();
  if (roll < 0.3) return { code: uscc.toLowerCase(), valid: true };
  if (roll < 0.45) return { code: ` ${uscc} `, valid: true };
  if (roll < 0.55) return { code: toFullWidth(uscc), valid: true };
  if (roll < 0.8) {
    const at = r.int(8, 16);
    const swapped = uscc[at] === '7' ? '1' : '7';
    return { code: uscc.slice(0, at) + swapped + uscc.slice(at + 1), valid: false };
  }
  return { code: r.pick(['00000000000000000X', '000000000000000000', '111111111111111111']), valid: false };
}

function toFullWidth(text: string): string {
  return text.replace(/[0-9A-Z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}
