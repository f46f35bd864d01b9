import { DEFAULT_CITY } from '../../src/connectorKit';

/**
 * Air-quality monitoring stations (国控点) of the province's prefecture-level units, as the national
 * network lists them: station code, name, unit, position. The units and their order are the city
 * setting's (`DEFAULT_CITY.prefectures`, Heilongjiang's 13 for 大庆市); the stations are the
 * sample's own. Their names are plausible local ones (docs/standards/city.md: station names beyond
 * those there are not confirmed) and their codes, in the network's four-digits-and-A form, start
 * with the province's 23 so that no real station of another province is named. `baseline` is a
 * unit's typical heating-season PM2.5 (µg/m³), which the generators use to make units differ as
 * they do: the big cities of the Songnen plain most, the forest regions of the north least.
 */
export interface Station {
  code: string;
  name: string;
  /** The prefecture-level unit, by its official name (哈尔滨市, 大兴安岭地区). */
  city: string;
  longitude: number;
  latitude: number;
  baseline: number;
}

interface UnitStations {
  longitude: number;
  latitude: number;
  baseline: number;
  names: string[];
}

/** By unit name; every prefecture of the city setting needs an entry (checked below). */
const UNITS: Readonly<Record<string, UnitStations>> = {
  哈尔滨市: { longitude: 126.63, latitude: 45.75, baseline: 74, names: ['松花江畔', '松北新区', '开发区', '体育公园', '城东水厂'] },
  齐齐哈尔市: { longitude: 123.96, latitude: 47.35, baseline: 48, names: ['嫩江公园', '龙沙公园', '富拉尔基'] },
  鸡西市: { longitude: 130.97, latitude: 45.3, baseline: 50, names: ['鸡冠山', '鸡冠区', '城子河'] },
  鹤岗市: { longitude: 130.3, latitude: 47.35, baseline: 44, names: ['鹤立', '南山', '工农区'] },
  双鸭山市: { longitude: 131.16, latitude: 46.65, baseline: 46, names: ['七星', '尖山区', '宝山'] },
  大庆市: { longitude: 125.1, latitude: 46.59, baseline: 50, names: ['萨尔图', '东风新村', '龙凤湿地', '让胡路', '人民医院', '高新区'] },
  伊春市: { longitude: 128.84, latitude: 47.73, baseline: 30, names: ['伊春河畔', '林都公园'] },
  佳木斯市: { longitude: 130.32, latitude: 46.8, baseline: 52, names: ['西林', '江畔', '东风区'] },
  七台河市: { longitude: 131.0, latitude: 45.77, baseline: 52, names: ['倭肯河', '新兴区', '桃山'] },
  牡丹江市: { longitude: 129.63, latitude: 44.55, baseline: 46, names: ['牡丹江畔', '江南', '爱民'] },
  黑河市: { longitude: 127.53, latitude: 50.25, baseline: 28, names: ['黑龙江畔', '爱辉'] },
  绥化市: { longitude: 126.97, latitude: 46.65, baseline: 64, names: ['北林', '开发区', '绥化学院'] },
  大兴安岭地区: { longitude: 124.12, latitude: 50.42, baseline: 22, names: ['加格达奇', '松岭'] },
};

function unitStations(name: string): UnitStations {
  const unit = UNITS[name];
  if (!unit) throw new Error(`no sample stations for the prefecture unit ${name}: add it to UNITS in samples/environment/stations.ts`);
  return unit;
}

export const STATIONS: readonly Station[] = DEFAULT_CITY.prefectures.flatMap(({ name: city }) => {
  const { longitude, latitude, baseline, names } = unitStations(city);
  return names.map((name, s) => ({
    code: '',
    name,
    city,
    longitude: Math.round((longitude + (s - names.length / 2) * 0.03) * 1000) / 1000,
    latitude: Math.round((latitude + (((s * 7) % 5) - 2) * 0.02) * 1000) / 1000,
    baseline,
  }));
}).map((station, i) => ({ ...station, code: `23${String(i + 1).padStart(2, '0')}A` }));
