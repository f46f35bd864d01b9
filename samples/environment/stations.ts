/**
 * National air-quality monitoring stations (国控点) of Hebei province, as the national network
 * lists them: station code, name, city, position. `baseline` is a city's typical winter PM2.5 level
 * in µg/m³, which the sample generator uses to make cities differ the way they do.
 */
export interface Station {
  code: string;
  name: string;
  city: string;
  longitude: number;
  latitude: number;
  baseline: number;
}

const cities: Array<[city: string, lon: number, lat: number, baseline: number, names: string[]]> = [
  ['石家庄市', 114.51, 38.04, 78, ['职工医院', '高新区', '西北水源', '西南高教', '世纪公园', '人民会堂', '22中南校区', '封龙山']],
  ['唐山市', 118.18, 39.63, 70, ['供销社', '雷达站', '物资局', '陶瓷公司', '十二中', '小山']],
  ['保定市', 115.46, 38.87, 74, ['游泳馆', '华电二区', '接待中心', '地表水厂', '胶片厂', '监测站']],
  ['邯郸市', 114.54, 36.63, 76, ['环保局', '东污水处理厂', '矿院', '丛台公园']],
  ['邢台市', 114.5, 37.07, 75, ['达活泉', '邢师高专', '路桥公司', '市环保局']],
  ['沧州市', 116.84, 38.3, 58, ['沧州市环境监测站', '电视转播站', '沧县城建局']],
  ['廊坊市', 116.68, 39.54, 55, ['环境监测监理中心', '开发区', '药材公司', '北华航天学院']],
  ['衡水市', 115.67, 37.74, 66, ['市环境监测站', '电机北厂', '市监测站']],
  ['张家口市', 114.88, 40.82, 28, ['人民公园', '探机厂', '五金库', '世纪豪园', '北泵']],
  ['承德市', 117.96, 40.95, 30, ['铁路', '中国银行', '开发区', '文化中心', '离宫']],
  ['秦皇岛市', 119.6, 39.94, 38, ['北戴河环保局', '第一关', '监测站', '市政府', '建设大厦']],
];

export const STATIONS: readonly Station[] = cities.flatMap(([city, lon, lat, baseline, names], c) =>
  names.map((name, s) => ({
    code: `${1029 + c * 10 + s}A`,
    name,
    city,
    longitude: Math.round((lon + (s - names.length / 2) * 0.03) * 1000) / 1000,
    latitude: Math.round((lat + ((s * 7) % 5 - 2) * 0.02) * 1000) / 1000,
    baseline,
  })),
);
