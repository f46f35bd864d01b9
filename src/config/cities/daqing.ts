import type { CitySetting } from '../city';

/**
 * 大庆市, Heilongjiang (docs/standards/city.md): the city the hub is built for. Division codes are
 * GB/T 2260's. The source link patterns are the city's systems' addresses as far as they are
 * known; a deployment corrects them with HUB_SOURCE_LINK_<CONNECTOR> or HUB_CITY_FILE.
 */
export const DAQING: CitySetting = {
  name: '大庆市',
  code: '230600',
  province: '黑龙江省',
  provinceCode: '230000',
  provinceAbbreviation: '黑',
  districts: [
    { name: '萨尔图区', code: '230602' },
    { name: '龙凤区', code: '230603' },
    { name: '让胡路区', code: '230604' },
    { name: '红岗区', code: '230605' },
    { name: '大同区', code: '230606' },
    { name: '肇州县', code: '230621' },
    { name: '肇源县', code: '230622' },
    { name: '林甸县', code: '230623' },
    { name: '杜尔伯特蒙古族自治县', code: '230624', aliases: ['杜尔伯特县', '杜尔伯特', '杜蒙县', '杜蒙'] },
  ],
  prefectures: [
    { name: '哈尔滨市', code: '230100' },
    { name: '齐齐哈尔市', code: '230200' },
    { name: '鸡西市', code: '230300' },
    { name: '鹤岗市', code: '230400' },
    { name: '双鸭山市', code: '230500' },
    { name: '大庆市', code: '230600' },
    { name: '伊春市', code: '230700' },
    { name: '佳木斯市', code: '230800' },
    { name: '七台河市', code: '230900' },
    { name: '牡丹江市', code: '231000' },
    { name: '黑河市', code: '231100' },
    { name: '绥化市', code: '231200' },
    { name: '大兴安岭地区', code: '232700', aliases: ['大兴安岭'] },
  ],
  zones: [{ name: '大庆高新技术产业开发区', aliases: ['大庆高新区', '高新区', '大庆高新技术开发区'], divisionCode: '230600' }],
  phoneAreaCode: '0459',
  authorities: {
    marketRegulation: '大庆市市场监督管理局',
    ecology: '大庆市生态环境局',
    ecologyBefore2019: '大庆市环境保护局',
    finance: '大庆市财政局',
    development: '大庆市发展和改革委员会',
    tradingCentre: '大庆市公共资源交易中心',
  },
  ocdsPublisher: '大庆市公共资源交易中心',
  sourceLinks: {
    // Each record's own page on 信用大庆, the city's credit publicity site, by its key: a natural
    // person has no code, so a pattern on {uscc} would leave their records without a link.
    credit: 'https://credit.daqing.gov.cn/xygs/{stream}/{key}',
    trading: 'http://ggzy.daqing.gov.cn/jyxx/{key}.html',
    ppp: 'https://www.cpppc.org:8082/inforpublic/homepage.html#/projectDetail/{key}',
    environment: 'http://sthjj.daqing.gov.cn/xxgk/{stream}/{key}.html',
    // The plan's other areas are published on the city government's portal. The paths are this
    // hub's guess, not confirmed (docs/standards/city.md): HUB_SOURCE_LINK_<CONNECTOR> corrects one.
    supervision: 'https://www.daqing.gov.cn/xxgk/sjsgk/{stream}/{key}.html',
    fiscal: 'https://www.daqing.gov.cn/xxgk/yjsgk/{stream}/{key}.html',
    powers: 'https://www.daqing.gov.cn/xxgk/qzqd/{stream}/{key}.html',
  },
};
