import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { penalties2016 } from '../../connectors/credit/penalties-2016/stream';
import { PENALTIES_2016_COLUMNS } from '../../samples/credit/penalties2016';
import type { PenaltyRecord } from '../../connectors/credit/penalties/schema';
import { penalties } from '../../connectors/credit/penalties/stream';
import { csvRecords } from '../../src/sync/sources/csvRecords';
import { StrictTextDecoder } from '../../src/sync/sources/strictTextDecoder';
import { validatorFor } from '../../src/sync/validation';
import { MAPPING } from '../helpers/mapping';
import { attributesOf } from '../../src/domain/contract';

const ENTERPRISE = { name: '大庆恒信建筑工程有限公司', uscc: '91230602236056510T' };
const LEGAL_REP = { name: '王建国', idNumber: '230602197803151233' };
const FACTS = '经查，当事人于2026年2月10日经营超过保质期的预包装饼干30件，货值金额600元。';
const BASIS = '《中华人民共和国食品安全法》第一百二十四条第一款第（五）项';
const CONTENT = '没收违法所得人民币1200元，并处罚款人民币2000元';

/** One penalty in the 2019 template: the fine in 万元 (0.2 for 罚款2000元), with no fields the 2016 format lacks. */
const record2019: PenaltyRecord = {
  CF_XDR_MC: ENTERPRISE.name,
  CF_XDR_LB: '法人及非法人组织',
  CF_XDR_SHXYM: ENTERPRISE.uscc,
  CF_FRDB: LEGAL_REP.name,
  CF_FR_ZJLX: '身份证',
  CF_FR_ZJHM: LEGAL_REP.idNumber,
  CF_WSH: '庆市监罚〔2026〕123号',
  CF_SY: FACTS,
  CF_YJ: BASIS,
  CF_CFLB: '没收违法所得;罚款',
  CF_NR: CONTENT,
  CF_NR_FK: '0.2',
  CF_NR_WFFF: '0.12',
  CF_JDRQ: '2026-03-15',
  CF_CFJG: '大庆市市场监督管理局',
  CF_SJLY: '大庆市市场监督管理局',
  BZ: '已缴纳罚款',
  SJC: '2026-03-16 09:30:00',
};

/** The same penalty as a 2016-era export row: old names, amounts only in 处罚结果, Excel-style dates. */
const row2016: Record<string, string> = {
  CF_WSH: '庆市监罚[2026]123号',
  CF_AJMC: '',
  CF_CFLB1: '没收违法所得',
  CF_CFLB2: '罚款',
  CF_SY: FACTS,
  CF_YJ: BASIS,
  CF_XDR_MC: ENTERPRISE.name,
  CF_XDR_SHXYM: ENTERPRISE.uscc,
  CF_FR: LEGAL_REP.name,
  CF_SFZ: LEGAL_REP.idNumber,
  CF_JG: CONTENT,
  CF_JDRQ: '2026/3/15',
  CF_XZJG: '大庆市市场监督管理局',
  CF_ZT: '0',
  CF_SJC: '2026/3/16 09:30:00',
  BZ: '已缴纳罚款',
};

/** Writes rows as the export does (GBK CSV, every column) and reads them back as httpCsv does. */
async function throughGbkCsv(rows: Array<Record<string, string>>): Promise<any[]> {
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [PENALTIES_2016_COLUMNS.join(','), ...rows.map((row) => PENALTIES_2016_COLUMNS.map((c) => quote(row[c] ?? '')).join(','))];
  const bytes = iconv.encode(`${lines.join('\r\n')}\r\n`, 'gbk');
  const parsed: any[] = [];
  for await (const record of csvRecords(Readable.from([bytes]).pipe(new StrictTextDecoder({ where: 'the export', encoding: 'gbk' })), 'the export')) parsed.push(record);
  return parsed;
}

async function mapBoth(r2019: PenaltyRecord, r2016: Record<string, string>) {
  expect(validatorFor(penalties.schema)(r2019)).toEqual([]);
  const [csvRow] = await throughGbkCsv([r2016]);
  expect(validatorFor(penalties2016.schema)(csvRow)).toEqual([]);
  expect(penalties2016.key(csvRow)).toBe(penalties.key(r2019));
  return { from2019: penalties.toDisclosure(r2019, MAPPING), from2016: penalties2016.toDisclosure(csvRow, MAPPING) };
}

describe('the 2019 template and the 2016 export map to the same unified penalty', () => {
  it('a penalty on an enterprise: the whole disclosure is equal, amounts in 万元 (罚款2000元 → 0.2)', async () => {
    const { from2019, from2016 } = await mapBoth(record2019, row2016);
    expect(from2016).toEqual(from2019);
    expect(from2019.attributes).toMatchObject({
      fine: 0.2,
      confiscation: 0.12,
      categories: [
        { code: 'CONFISCATION_OF_ILLEGAL_GAINS', name: '没收违法所得' },
        { code: 'FINE', name: '罚款' },
      ],
      decision: { documentNumber: '庆市监罚〔2026〕123号', date: '2026-03-15' },
      party: {
        category: { code: 'LEGAL_PERSON', name: '法人及非法人组织' },
        legalRepresentative: { name: '王建国', idType: { code: 'RESIDENT_ID', name: '身份证' }, idNumberMasked: '230602********1233' },
      },
      warnings: [],
    });
    expect(from2019.title).toBe('大庆市市场监督管理局对大庆恒信建筑工程有限公司作出没收违法所得、罚款处罚（庆市监罚〔2026〕123号）');
    expect(from2019.subject).toEqual(ENTERPRISE);
    expect(from2019.personal).toEqual({ legalRepresentativeIdNumber: LEGAL_REP.idNumber });
  });

  it('the 2016 case name is the one thing the 2019 template has no field for', async () => {
    const { from2019, from2016 } = await mapBoth(record2019, { ...row2016, CF_AJMC: '大庆恒信建筑工程有限公司经营超过保质期的食品案' });
    expect(from2016.attributes).toEqual({ ...from2019.attributes, caseName: '大庆恒信建筑工程有限公司经营超过保质期的食品案' });
  });

  it('a natural person: ID type from the template or from the SFZ column name, the same masked attributes', async () => {
    const person = { name: '李红霞', idNumber: '230604199004125671' };
    const { CF_XDR_SHXYM: _code, CF_FRDB: _rep, CF_FR_ZJLX: _type, CF_FR_ZJHM: _id, ...rest } = record2019;
    const { CF_XDR_SHXYM: _c, CF_FR: _f, CF_SFZ: _s, ...restRow } = row2016;
    const { from2019, from2016 } = await mapBoth(
      { ...rest, CF_XDR_MC: person.name, CF_XDR_LB: '自然人', CF_XDR_ZJLX: '身份证', CF_XDR_ZJHM: person.idNumber },
      { ...restRow, CF_XDR_MC: person.name, CF_XDR_SFZ: person.idNumber },
    );
    expect(from2016).toEqual(from2019);
    expect(from2019.subject).toEqual({ name: person.name });
    expect(attributesOf(from2019, 'administrative-penalty').party).toMatchObject({ category: { code: 'NATURAL_PERSON' }, idNumberMasked: '230604********5671' });
  });

  it('a 个体工商户: the 2016 category is read from its code (92…)', async () => {
    const shop = { name: '萨尔图区王记面馆', uscc: '92230602MA0D123419' };
    const { from2019, from2016 } = await mapBoth(
      { ...record2019, CF_XDR_MC: shop.name, CF_XDR_LB: '个体工商户', CF_XDR_SHXYM: shop.uscc },
      { ...row2016, CF_XDR_MC: shop.name, CF_XDR_SHXYM: shop.uscc },
    );
    expect(from2016).toEqual(from2019);
    expect(attributesOf(from2019, 'administrative-penalty').party).toMatchObject({ category: { code: 'INDIVIDUAL_BUSINESS', name: '个体工商户' } });
  });

  it('capital numerals in the 2016 result give the same amounts as the 2019 万元 fields', async () => {
    const { from2019, from2016 } = await mapBoth(record2019, { ...row2016, CF_JG: '没收违法所得人民币壹仟贰佰元，并处罚款人民币贰仟元' });
    expect(from2016.attributes).toEqual({ ...from2019.attributes, content: '没收违法所得人民币壹仟贰佰元，并处罚款人民币贰仟元' });
  });
});

describe('amount fields of the 2019 template', () => {
  it('"0.2", 0.2 and "2000元" in CF_NR_FK are all a fine of 0.2 万元', () => {
    for (const fine of ['0.2', 0.2, '2000元', '0.2万元']) {
      expect([fine, attributesOf(penalties.toDisclosure({ ...record2019, CF_NR_FK: fine }, MAPPING), 'administrative-penalty').fine]).toEqual([fine, 0.2]);
    }
  });

  it('without CF_NR_FK the fine is read from CF_NR; with none anywhere it is null', () => {
    expect(attributesOf(penalties.toDisclosure({ ...record2019, CF_NR_FK: '' }, MAPPING), 'administrative-penalty').fine).toBe(0.2);
    expect(attributesOf(penalties.toDisclosure({ ...record2019, CF_NR_FK: null, CF_NR: '警告', CF_CFLB: '警告' }, MAPPING), 'administrative-penalty').fine).toBeNull();
  });

  it('元 written into the 万元 field is reported, not silently multiplied away', () => {
    const attributes = attributesOf(penalties.toDisclosure({ ...record2019, CF_NR_FK: '2000' }, MAPPING), 'administrative-penalty');
    expect(attributes.fine).toBe(2000);
    expect(attributes.warnings).toEqual(['the fine field says 2000 万元 but the penalty content says 0.2 万元']);
  });

  it('a negative amount is refused by the schema in a field and by the mapping in free text', () => {
    expect(validatorFor(penalties.schema)({ ...record2019, CF_NR_FK: '-0.5' })).toEqual([
      { path: '/CF_NR_FK', message: '"CF_NR_FK" is "-0.5": expected an amount in 万元: a non-negative number such as 0.2 (罚款2000元), or an amount with its unit such as 2000元' },
    ]);
    expect(() => penalties2016.toDisclosure({ ...row2016, CF_JG: '罚款人民币-2000元' } as any, MAPPING)).toThrow('the fine is negative: -0.2 万元');
  });
});
