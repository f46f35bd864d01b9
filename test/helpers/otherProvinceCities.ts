/**
 * Prefecture-level cities of provinces other than Heilongjiang, as names that would betray a sample
 * borrowed from elsewhere: every Hebei city (the samples' old home) and each province's capital and
 * best-known cities. Short forms (石家庄, not 石家庄市) so that any writing is caught.
 */
export const OTHER_PROVINCE_CITIES = [
  // Hebei, every prefecture and the county-level cities the old samples used
  '石家庄', '唐山', '秦皇岛', '邯郸', '邢台', '保定', '张家口', '承德', '沧州', '廊坊', '衡水', '辛集', '定州', '正定', '藁城', '鹿泉', '栾城', '井陉',
  // provincial capitals and large cities elsewhere
  '北京', '天津', '上海', '重庆', '太原', '呼和浩特', '包头', '沈阳', '大连', '长春', '吉林市', '南京', '苏州', '无锡', '杭州', '宁波', '合肥',
  '福州', '厦门', '南昌', '济南', '青岛', '郑州', '洛阳', '武汉', '长沙', '广州', '深圳', '南宁', '海口', '成都', '贵阳', '昆明', '拉萨',
  '西安', '兰州', '西宁', '银川', '乌鲁木齐',
];

/** The names among `texts` that contain another province's city, with the city found. */
export function foreignPlaceMentions(texts: Iterable<string>): Array<{ text: string; city: string }> {
  const found: Array<{ text: string; city: string }> = [];
  for (const text of texts) {
    const city = OTHER_PROVINCE_CITIES.find((c) => text.includes(c));
    if (city) found.push({ text, city });
  }
  return found;
}
