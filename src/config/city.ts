import { Type, type Static } from '@sinclair/typebox';

/**
 * The city a deployment serves, as configuration: its divisions (GB/T 2260 codes, which are also
 * characters 3–8 of a unified social credit code), its province's prefecture units, telephone
 * area, authorities, OCDS publisher and the address patterns of its source systems. The engine
 * passes it to every mapping (MappingContext) and places every record's region in its vocabulary;
 * nothing reads it from sample data. The default is 大庆市 (cities/daqing.ts); HUB_CITY_FILE
 * replaces it with a JSON file of this shape (cityFile.ts validates it against CITY_SCHEMA).
 */
const divisionCode = Type.String({ pattern: '^[0-9]{6}$', description: 'GB/T 2260 administrative division code' });
const name = Type.String({ minLength: 2 });

const DIVISION = Type.Object(
  {
    name: Type.String({ minLength: 2, description: 'The official name (萨尔图区): the one value a region has everywhere' }),
    code: divisionCode,
    aliases: Type.Optional(
      Type.Array(Type.String({ minLength: 2 }), { description: 'Other ways feeds write it (杜尔伯特县); the name without 区/县/市 is always accepted' }),
    ),
  },
  { additionalProperties: false },
);

/** A development zone is not a division: a record placed there is counted in the division it names. */
const ZONE = Type.Object(
  {
    name,
    aliases: Type.Optional(Type.Array(Type.String({ minLength: 2 }))),
    divisionCode: Type.String({ pattern: '^[0-9]{6}$', description: 'The division a record in the zone is counted in (the city where the zone spans several)' }),
  },
  { additionalProperties: false },
);

const AUTHORITIES = Type.Object(
  {
    marketRegulation: Type.String({ minLength: 2, description: '市场监督管理局: licences, penalties, the abnormal-operations and serious-violations lists' }),
    ecology: Type.String({ minLength: 2, description: '生态环境局: air, water, warnings, emissions' }),
    ecologyBefore2019: Type.String({ minLength: 2, description: 'The ecology authority before the 2019 reform (环境保护局), for older records' }),
    finance: Type.String({ minLength: 2, description: '财政局: the PPP project library' }),
    development: Type.String({ minLength: 2, description: '发展和改革委员会' }),
    tradingCentre: Type.String({ minLength: 2, description: '公共资源交易中心: trading notices' }),
  },
  { additionalProperties: false },
);

export const CITY_SCHEMA = Type.Object(
  {
    name: Type.String({ minLength: 2, description: 'The city (大庆市): the region of city-level bodies' }),
    code: divisionCode,
    province: name,
    provinceCode: divisionCode,
    provinceAbbreviation: Type.String({ minLength: 1, maxLength: 1, description: 'The one-character abbreviation (黑) that prefixes licence numbers' }),
    districts: Type.Array(DIVISION, { minItems: 1, description: 'Its districts, counties and county-level cities' }),
    prefectures: Type.Array(DIVISION, { minItems: 1, description: "The province's prefecture-level units (a provincial air board lists them)" }),
    zones: Type.Array(ZONE),
    phoneAreaCode: Type.String({ pattern: '^0[0-9]{2,3}$', description: 'Telephone area code (0459)' }),
    authorities: AUTHORITIES,
    ocdsPublisher: Type.String({ minLength: 2, description: 'The publisher named in OCDS packages (HUB_PUBLISHER_NAME overrides)' }),
    sourceLinks: Type.Record(Type.String(), Type.String({ pattern: '^https?://' }), {
      description:
        "Address patterns of the source systems per connector name: a record's sourceUrl when its mapping gives none. " +
        'Placeholders {key} (source key), {stream}, {kind}, {uscc}. HUB_SOURCE_LINK_<CONNECTOR> overrides one.',
    }),
  },
  { additionalProperties: false },
);

export type CitySetting = Static<typeof CITY_SCHEMA>;
export type Division = Static<typeof DIVISION>;
export type Zone = Static<typeof ZONE>;

export { DAQING as DEFAULT_CITY } from './cities/daqing';
