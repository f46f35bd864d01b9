import { DEFAULT_CITY, gb11714CheckCharacter, usccCheckCharacter, type District } from '../../src/connectorKit';
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
export type { District };
export const CITY = DEFAULT_CITY.name;
export const PROVINCE = DEFAULT_CITY.province;
export const DISTRICTS: readonly District[] = DEFAULT_CITY.districts;

/** Enterprises in the population; the first CORE_SIZE are the big local firms seen everywhere. */
export const POPULATION_SIZE = 1200;
export const CORE_SIZE = 40;

const TRADE_NAMES = ['恒信', '华远', '鑫泰', '润德', '冀中', '太行', '滹沱', '正元', '博远', '盛达', '永昌', '宏图', '天元', '中冀', '德润', '聚源', '金石', '新奥', '燕赵', '常山', '赵州', '弘毅', '君乐', '以岭', '神威', '东方', '华北', '长城', '开元', '通达'];
const SECOND_CHARS = ['瑞', '丰', '源', '达', '兴', '盛', '泰', '安', '和', '宇'];
const INDUSTRIES = ['建筑工程', '环保科技', '医药', '食品', '物流', '化工', '钢铁', '热力', '水务', '建材', '房地产开发', '机械制造', '电子科技', '纺织', '市政工程', '园林绿化', '信息技术', '餐饮管理', '商贸', '交通建设'];
const SUFFIXES = ['有限公司', '有限公司', '有限责任公司', '股份有限公司', '集团有限公司'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '萧'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '华', '建国', '志强', '海燕', '春梅', '国华', '立新', '红霞', '文博', '子轩', '浩然', '雨萱'];
const STREETS = ['中山路', '建设大街', '裕华路', '槐安路', '和平路', '胜利大街', '体育大街', '友谊大街', '红旗大街', '石获路', '珠峰大街', '黄河大道', '长江大道', '北二环东路', '南二环西路'];
const SHOPS = ['面馆', '便利店', '五金店', '修车铺', '理发店', '水果店', '早点铺', '烟酒店', '粮油店', '服装店'];

export function enterprise(index: number, seed: number): Enterprise {
  const r = random(seed, 'enterprise', index);
  const district = r.pick(DISTRICTS);
  const kind = index < CORE_SIZE ? 0 : r.next();
  const category = kind < 0.8 ? '企业' : kind < 0.95 ? '个体工商户' : '农民专业合作社';
  const legalRep = person(r, seed, district);
  const industry = r.pick(INDUSTRIES);
  const name =
    category === '企业'
      ? `${index < CORE_SIZE ? '石家庄' : r.pick(['石家庄', '河北', '石家庄市'])}${TRADE_NAMES[index % TRADE_NAMES.length]}${index >= TRADE_NAMES.length ? r.pick(SECOND_CHARS) : ''}${industry}${r.pick(SUFFIXES)}`
      : category === '个体工商户'
        ? `${district.name}${legalRep.name.slice(0, 1)}记${r.pick(SHOPS)}`
        : `${district.name}${r.pick(['丰收', '金穗', '绿源', '惠农', '兴旺'])}${r.pick(['蔬菜', '果品', '养殖', '农机'])}专业合作社`;
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
