/**
 * Cities of other provinces that sample data must not name (docs/standards/city.md: every sample
 * is set in 大庆市): the 河北 cities and towns the samples were once set in, every other province's
 * capital and some large cities. 大同 is also a district of 大庆市, so the 山西 city is only matched with its 市.
 */
export const CITIES_ELSEWHERE: readonly string[] = [
  '石家庄', '唐山', '秦皇岛', '邯郸', '邢台', '保定', '张家口', '承德', '沧州', '廊坊', '衡水', '河北',
  '辛集', '定州', '正定', '藁城', '鹿泉', '栾城', '井陉',
  '北京', '天津', '上海', '重庆', '太原', '大同市', '呼和浩特', '沈阳', '长春', '南京', '杭州', '合肥', '福州',
  '南昌', '济南', '郑州', '武汉', '长沙', '广州', '深圳', '南宁', '海口', '成都', '贵阳', '昆明', '拉萨', '西安',
  '兰州', '西宁', '银川', '乌鲁木齐',
  // other large cities
  '包头', '大连', '吉林市', '苏州', '无锡', '宁波', '厦门', '青岛', '洛阳',
  // provinces, autonomous regions and their abbreviations a made-up name is most likely to borrow
  '冀', '滹沱', '裕华', '桥西', '山西', '内蒙古', '辽宁', '吉林', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南',
  '湖北', '湖南', '广东', '广西', '海南', '四川', '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆',
];

/** The names of other provinces' cities the text contains; empty when it names none. */
export function citiesElsewhereIn(text: string): string[] {
  return CITIES_ELSEWHERE.filter((city) => text.includes(city));
}
