/**
 * The city a deployment serves: its divisions (GB/T 2260 codes, which are also characters 3–8 of
 * a unified social credit code). Mappings receive it (MappingContext) to place records in one
 * region vocabulary; nothing reads it from sample data.
 */
export interface District {
  name: string;
  /** GB/T 2260 administrative division code. */
  code: string;
}

export interface CitySetting {
  /** The city, e.g. 石家庄市: the region of city-level bodies. */
  name: string;
  code: string;
  province: string;
  /** Its districts, counties and county-level cities. */
  districts: readonly District[];
}

export const DEFAULT_CITY: CitySetting = {
  name: '石家庄市',
  code: '130100',
  province: '河北省',
  districts: [
    { name: '长安区', code: '130102' },
    { name: '桥西区', code: '130104' },
    { name: '新华区', code: '130105' },
    { name: '井陉矿区', code: '130107' },
    { name: '裕华区', code: '130108' },
    { name: '藁城区', code: '130109' },
    { name: '鹿泉区', code: '130110' },
    { name: '栾城区', code: '130111' },
    { name: '正定县', code: '130123' },
    { name: '辛集市', code: '130181' },
  ],
};
