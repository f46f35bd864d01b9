/**
 * Place names of other provinces than the city's (黑龙江省, docs/standards/city.md), for tests that
 * check a sample world stays in 大庆市: every other province and autonomous region, the Hebei
 * places the samples once used, and the large cities a made-up name is most likely to borrow.
 */
export const OTHER_PROVINCE_PLACES: readonly string[] = [
  // Provinces, autonomous regions and municipalities other than 黑龙江.
  '北京', '天津', '上海', '重庆', '河北', '冀', '山西', '内蒙古', '辽宁', '吉林', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南',
  '湖北', '湖南', '广东', '广西', '海南', '四川', '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆',
  // Hebei, where the samples were once set.
  '石家庄', '唐山', '秦皇岛', '邯郸', '邢台', '保定', '张家口', '承德', '沧州', '廊坊', '衡水', '正定', '滹沱', '裕华', '桥西',
  // Capitals and large cities.
  '深圳', '广州', '杭州', '南京', '武汉', '成都', '西安', '沈阳', '长春', '济南', '郑州', '太原', '合肥', '福州', '南昌', '长沙',
  '昆明', '贵阳', '南宁', '海口', '兰州', '西宁', '银川', '乌鲁木齐', '拉萨', '呼和浩特', '青岛', '大连', '苏州', '宁波', '厦门',
];

/** The other provinces' place names a text contains. */
export function otherProvincePlacesIn(text: string): string[] {
  return OTHER_PROVINCE_PLACES.filter((place) => text.includes(place));
}
