/**
 * Surface-water monitoring sections (地表水监测断面) of 石家庄市: the city's rivers and reservoirs, each
 * section with its target class and, for the two reservoirs that supply the city, its
 * drinking-water protection zone. Waters and places are real; section names and codes are the
 * sample's own. `load` is the sample's typical pollution of the water (1 clean, 3+ heavily loaded).
 */
export interface Section {
  code: string;
  name: string;
  water: string;
  type: '河流' | '湖库';
  district: string;
  target: 'Ⅱ' | 'Ⅲ' | 'Ⅳ' | 'Ⅴ';
  zone: '一级' | '二级' | null;
  load: number;
}

export const SECTIONS: readonly Section[] = [
  { code: '13010001', name: '岗南水库坝前', water: '岗南水库', type: '湖库', district: '平山县', target: 'Ⅱ', zone: '一级', load: 1.0 },
  { code: '13010002', name: '黄壁庄水库坝前', water: '黄壁庄水库', type: '湖库', district: '鹿泉区', target: 'Ⅱ', zone: '一级', load: 1.15 },
  { code: '13010003', name: '黄壁庄水库入库口', water: '黄壁庄水库', type: '湖库', district: '平山县', target: 'Ⅲ', zone: '二级', load: 1.5 },
  { code: '13010004', name: '横山岭水库', water: '横山岭水库', type: '湖库', district: '灵寿县', target: 'Ⅲ', zone: null, load: 1.3 },
  { code: '13010005', name: '小觉', water: '滹沱河', type: '河流', district: '平山县', target: 'Ⅱ', zone: null, load: 1.1 },
  { code: '13010006', name: '北中山', water: '滹沱河', type: '河流', district: '深泽县', target: 'Ⅳ', zone: null, load: 2.2 },
  { code: '13010007', name: '微水', water: '冶河', type: '河流', district: '井陉县', target: 'Ⅲ', zone: null, load: 1.6 },
  { code: '13010008', name: '地都', water: '绵河', type: '河流', district: '井陉县', target: 'Ⅲ', zone: null, load: 1.5 },
  { code: '13010009', name: '北贾村', water: '磁河', type: '河流', district: '无极县', target: 'Ⅳ', zone: null, load: 2.0 },
  { code: '13010010', name: '马村', water: '槐河', type: '河流', district: '元氏县', target: 'Ⅳ', zone: null, load: 2.4 },
  { code: '13010011', name: '赵州桥', water: '洨河', type: '河流', district: '赵县', target: 'Ⅴ', zone: null, load: 3.2 },
];
