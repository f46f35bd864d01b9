import { CITY, DISTRICTS, type District } from '../kit/population';
import { DEFAULT_CITY, gb11714CheckCharacter, usccCheckCharacter } from '../../src/connectorKit';
import { hash32 } from '../kit/random';

/**
 * Public bodies of 大庆市 that buy (采购人/招标人) or sell (出让人/转让方) on the trading platform,
 * with what each typically trades. Like the stations of the air feed they are fixed, not drawn
 * from the seed: the same bodies publish under every seed. A district's or county's own body sits
 * in its division; the city's bodies in the city.
 */
export interface Buyer {
  name: string;
  /** GB 32100 registration category under 机构编制 (first character 1): 机关 1, 事业单位 2. */
  category: '机关' | '事业单位';
  uscc: string;
  /** Region as the platform writes it (大庆市萨尔图区), and its GB/T 2260 code (230600 for the city's own bodies). */
  region: string;
  regionCode: string;
  /** What it builds (工程建设), buys (政府采购: 货物 and 服务), and sells (土地使用权, 产权交易). */
  works: readonly string[];
  goods: readonly string[];
  services: readonly string[];
  land: readonly string[];
  assets: readonly string[];
}

type BuyerSpec = Omit<Buyer, 'uscc' | 'region' | 'regionCode' | 'works' | 'goods' | 'services' | 'land' | 'assets'> &
  Partial<Pick<Buyer, 'works' | 'goods' | 'services' | 'land' | 'assets'>> & { district?: string };

const SPECS: readonly BuyerSpec[] = [
  { name: '大庆市教育局', category: '机关', works: ['市直学校校舍维修改造', '市直学校运动场改造'], goods: ['中小学教室照明改造设备', '市直学校学生课桌椅'], services: ['智慧教育云平台运维服务'] },
  { name: '大庆市卫生健康委员会', category: '机关', works: ['市急救中心业务用房改造'], goods: ['基层医疗机构数字化影像设备'], services: ['全民健康信息平台运维服务'] },
  { name: '大庆市住房和城乡建设局', category: '机关', works: ['老旧小区改造（二期）', '城区老旧供热管网改造'], services: ['建筑工地扬尘在线监测服务'] },
  { name: '大庆市城市管理综合执法局', category: '机关', works: ['世纪大道道路提升改造', '城市照明节能改造'], goods: ['环卫作业车辆', '除雪机械'], services: ['主城区道路清扫保洁服务', '冬季清冰雪服务'] },
  { name: '大庆市交通运输局', category: '机关', works: ['农村公路养护维修', '乘风街辅路改造'], goods: ['新能源公交车辆'], services: ['公路桥梁定期检测服务'] },
  { name: '大庆市水务局', category: '机关', works: ['东城水库供水管网改造', '城区排涝泵站改造'], goods: ['移动排涝泵车'], services: ['城市防汛预警系统运维服务'] },
  { name: '大庆市生态环境局', category: '机关', goods: ['大气污染防治走航监测设备'], services: ['重点排污单位执法监测服务'] },
  { name: '大庆市公安局', category: '机关', goods: ['执法记录仪', '警用无人机'], services: ['视频监控系统运维服务'] },
  {
    name: '大庆市自然资源局',
    category: '机关',
    goods: ['地理信息数据采集设备'],
    services: ['国土空间规划编制服务'],
    land: ['萨尔图区世纪大道以北、兴化路以东地块', '龙凤区乘风街以南地块', '让胡路区学府街以西、创业大街以北地块', '大庆高新区湖滨路以东地块'],
  },
  { name: '大庆市机关事务服务中心', category: '机关', goods: ['市直机关办公家具'], services: ['市政府办公区物业管理服务'], assets: ['市直机关超编公务用车', '闲置办公设备', '原市政府招待所房产租赁权'] },
  { name: '大庆市萨尔图区人民政府', category: '机关', district: '萨尔图区', works: ['背街小巷综合整治', '街心公园提升改造'], services: ['辖区垃圾分类收运服务'] },
  { name: '肇源县人民政府', category: '机关', district: '肇源县', works: ['嫩江沿岸生态修复', '县城供热管网改造'], services: ['文旅宣传推广服务'] },
  { name: '大庆市人民医院', category: '事业单位', works: ['门诊楼装修改造'], goods: ['医用直线加速器', '全自动生化分析仪'], services: ['医院物业管理服务'], assets: ['报废医疗设备'] },
  { name: '大庆市中医医院', category: '事业单位', goods: ['彩色多普勒超声诊断仪', '数字减影血管造影系统'], services: ['医疗废物处置服务'] },
  { name: '大庆市第一中学', category: '事业单位', works: ['学生宿舍楼维修改造'], goods: ['理化生实验室设备'] },
  { name: '大庆师范学院', category: '事业单位', works: ['图书馆改造'], goods: ['计算机实验室设备'], services: ['校园网络运维服务'], assets: ['闲置实验设备'] },
  { name: '大庆市疾病预防控制中心', category: '事业单位', goods: ['实验室检测试剂', '疫苗冷链设备'], services: ['疫苗冷链配送服务'] },
  { name: '大庆市图书馆', category: '事业单位', goods: ['中文图书'], services: ['数字资源采购服务'] },
];

const CITY_CODE = DEFAULT_CITY.code;

export const BUYERS: readonly Buyer[] = SPECS.map((spec) => {
  const district = spec.district ? DISTRICTS.find((d) => d.name === spec.district) : undefined;
  const regionCode = district?.code ?? CITY_CODE;
  return {
    name: spec.name,
    category: spec.category,
    uscc: bodyUscc(spec.name, spec.category, regionCode),
    region: regionOf(district),
    regionCode,
    works: spec.works ?? [],
    goods: spec.goods ?? [],
    services: spec.services ?? [],
    land: spec.land ?? [],
    assets: spec.assets ?? [],
  };
});

/** As the platform writes regions: the city, then the district (大庆市萨尔图区); the engine normalises them. */
function regionOf(district: District | undefined): string {
  return district ? `${CITY}${district.name}` : CITY;
}

/**
 * A valid code for a body registered by 机构编制 (GB 32100: first character 1, second 1 for 机关,
 * 2 for 事业单位), its division, and an organisation code derived from the name with its GB 11714
 * check character, so the code is the same under every seed.
 */
function bodyUscc(name: string, category: Buyer['category'], division: string): string {
  const org8 = String(hash32('public-body', name) % 100_000_000).padStart(8, '0');
  const first17 = `1${category === '机关' ? '1' : '2'}${division}${org8}${gb11714CheckCharacter(org8)}`;
  return first17 + usccCheckCharacter(first17);
}
