/**
 * Surface-water monitoring sections (地表水监测断面) of 大庆市: 嫩江 and 松花江 on its borders, the
 * rivers of its plain, and the lakes and reservoirs that supply the city, each section with its
 * target class and, for the drinking-water sources (大庆水库, 红旗泡水库, 东城水库), its protection
 * zone. The waters, and the districts they lie in, are the city's (docs/standards/city.md); section
 * names and codes are the sample's own, named after the water and the place as sections usually
 * are. `load` is the sample's typical pollution of the water (1 clean, 2+ heavily loaded).
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
  { code: '23060001', name: '大庆水库取水口', water: '大庆水库', type: '湖库', district: '让胡路区', target: 'Ⅱ', zone: '一级', load: 1.0 },
  { code: '23060002', name: '红旗泡水库取水口', water: '红旗泡水库', type: '湖库', district: '萨尔图区', target: 'Ⅱ', zone: '一级', load: 1.05 },
  { code: '23060003', name: '红旗泡水库入库口', water: '红旗泡水库', type: '湖库', district: '萨尔图区', target: 'Ⅲ', zone: '二级', load: 1.4 },
  { code: '23060004', name: '东城水库', water: '东城水库', type: '湖库', district: '龙凤区', target: 'Ⅲ', zone: '二级', load: 1.3 },
  { code: '23060005', name: '龙虎泡', water: '龙虎泡', type: '湖库', district: '大同区', target: 'Ⅳ', zone: null, load: 1.8 },
  { code: '23060006', name: '连环湖', water: '连环湖', type: '湖库', district: '杜尔伯特蒙古族自治县', target: 'Ⅲ', zone: null, load: 1.5 },
  { code: '23060007', name: '杜尔伯特入境', water: '嫩江', type: '河流', district: '杜尔伯特蒙古族自治县', target: 'Ⅲ', zone: null, load: 1.3 },
  { code: '23060008', name: '肇源段', water: '嫩江', type: '河流', district: '肇源县', target: 'Ⅲ', zone: null, load: 1.5 },
  { code: '23060009', name: '肇源出境', water: '松花江', type: '河流', district: '肇源县', target: 'Ⅲ', zone: null, load: 1.6 },
  { code: '23060010', name: '林甸段', water: '乌裕尔河', type: '河流', district: '林甸县', target: 'Ⅳ', zone: null, load: 2.1 },
  { code: '23060011', name: '林甸段', water: '双阳河', type: '河流', district: '林甸县', target: 'Ⅳ', zone: null, load: 2.3 },
];
