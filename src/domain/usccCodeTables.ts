/**
 * What positions 1–8 of a unified social credit code may hold (docs/standards/uscc.md#structure):
 * the registration authorities and their entity categories of GB 32100-2015, and the
 * provincial-level prefixes of GB/T 2260 for the division code.
 *
 * These are tables, not arithmetic: an amendment of the standard adds rows (A and N came that
 * way), so they are data in one place, and a code that breaks them is explained (usccCheck), never
 * unlinked when it is stored (validateUscc keeps to the check character).
 */

export interface RegistrationAuthority {
  /** 登记管理部门, e.g. 工商 (market regulation). */
  name: string;
  /** Position 2: entity category code → its name. */
  categories: Readonly<Record<string, string>>;
}

/** Position 1 → the registration authority, with the categories it may put in position 2. */
export const REGISTRATION_AUTHORITIES: Readonly<Record<string, RegistrationAuthority>> = Object.freeze({
  '1': { name: '机构编制', categories: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' } },
  '2': { name: '外交', categories: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': { name: '司法行政', categories: { '1': '律师执业机构', '2': '公证处', '3': '基层法律服务所', '4': '司法鉴定机构', '5': '仲裁委员会', '9': '其他' } },
  '4': { name: '文化', categories: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { name: '民政', categories: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': { name: '旅游', categories: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' } },
  '7': { name: '宗教', categories: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', categories: { '1': '基层工会', '9': '其他' } },
  '9': { name: '工商（市场监管）', categories: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', categories: { '1': '军队事业单位', '9': '其他' } },
  N: { name: '农业', categories: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' } },
  Y: { name: '其他', categories: { '1': '其他' } },
});

/**
 * The first two digits of every provincial-level division of GB/T 2260 (provinces, autonomous
 * regions, municipalities, special administrative regions). Codes only: a person is told the
 * code's province by its number, and the hub names only its own province's places.
 */
export const PROVINCE_PREFIXES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

/** The division code national-level authorities register under (国家级). */
export const NATIONAL_DIVISION = '100000';

/** "1 企业、2 个体工商户、3 农民专业合作社": a table's codes and names, for a reader choosing the right one. */
export function listed(entries: Readonly<Record<string, string>>, separator = ', '): string {
  return Object.entries(entries)
    .map(([code, name]) => `${code} ${name}`)
    .join(separator);
}
