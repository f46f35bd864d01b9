import type { TSchema } from '@sinclair/typebox';
import { pppProjects } from '../../connectors/ppp/projects/stream';
import { pppProjectRecordSchema, type PppProjectRecord } from '../../connectors/ppp/projects/schema';
import {
  PPP_EXAMPLE_FLAGS,
  PPP_EXAMPLE_LEVELS,
  PPP_GOV_PARTICIPATION,
  PPP_OPERATE_MODES,
  PPP_PURCHASE_WAYS,
  PPP_RETURN_MODES,
  PPP_STAGES,
  type PppCodeTable,
} from '../../src/domain/ppp';
import { validatorFor } from '../../src/sync/validation';
import { findUnmaskedPersonalInfo } from '../../src/domain/masking';
import { MAPPING } from '../helpers/mapping';
import { attributesOf } from '../../src/domain/contract';

/** A project in execution, written as the library's API writes it. */
const executing: PppProjectRecord = {
  projNo: '1301232016000042',
  projName: '石家庄市正定县污水处理厂提标改造及配套管网工程PPP项目',
  distProvinceName: '河北省',
  distCityName: '石家庄市',
  distName: '正定县',
  industryRequiredName: '市政工程',
  industryOptionalName: '污水处理',
  investCount: 123456789000,
  projState: '3',
  returnMode: '3',
  operateMode: '1',
  cooperationTerm: 28,
  startTime: '2016-03-15',
  example: 1,
  exampleList: [{ batchNumber: '3', exampleLevel: '0' }],
  linkUname: '王伟',
  linkTel: '13812345678',
  implOrgName: '石家庄市正定县住房和城乡建设局',
  implOrgCode: '111301230000000000',
  implPlanInfo: {
    socialPurchaseWay: '4',
    govInvestType: '1',
    govInvestOrgName: '石家庄市正定县城市建设投资集团有限公司',
    govInvestOrgCode: '911301230000000000',
    govShareRatio: 20,
  },
  socialCapitalList: [
    { socialCapitalName: '石家庄恒信水务有限公司', socialCapitalCode: '914403001922038216' },
    { socialCapitalName: '河北华远建筑工程有限公司', socialCapitalCode: ' 914403001922038216 ' },
  ],
  contractSignTime: '2018/6/30',
  updateTime: '2026-01-05 09:00:00',
};

/** A project still being identified: no implementation plan, no partners. */
const identifying: PppProjectRecord = {
  ...executing,
  projNo: '1301002025000007',
  projName: '石家庄市智慧停车场建设运营PPP项目',
  distName: '',
  projState: 0,
  example: '2',
  exampleList: [],
  linkUname: null,
  linkTel: null,
  implOrgName: '石家庄市城市管理综合行政执法局',
  implOrgCode: null,
  implPlanInfo: null,
  socialCapitalList: [],
  contractSignTime: null,
};

const validate = validatorFor(pppProjectRecordSchema);

describe('PPP project → disclosure', () => {
  const d = pppProjects.toDisclosure(executing, MAPPING);

  it('is a ppp-project about its implementing agency, titled by its name without the stage', () => {
    expect(d.kind).toBe('ppp-project');
    expect(d.title).toBe('石家庄市正定县污水处理厂提标改造及配套管网工程PPP项目');
    expect(d.status).toBe('published');
    expect(d.subject).toEqual({ name: '石家庄市正定县住房和城乡建设局', uscc: '111301230000000000' });
    expect(d.region).toBe('正定县');
    expect(d.publisher).toBe('石家庄市正定县财政局');
  });

  it('publishedAt is the initiation (发起时间), updatedAt the library update time, both China time', () => {
    expect(d.publishedAt.toISOString()).toBe('2016-03-14T16:00:00.000Z');
    expect(d.updatedAt!.toISOString()).toBe('2026-01-05T01:00:00.000Z');
  });

  it('parties: the agency, every partner and the government equity representative', () => {
    expect(d.parties).toEqual([
      { role: 'implementing-agency', name: '石家庄市正定县住房和城乡建设局', uscc: '111301230000000000' },
      { role: 'partner', name: '石家庄恒信水务有限公司', uscc: '914403001922038216' },
      { role: 'partner', name: '河北华远建筑工程有限公司', uscc: '914403001922038216' },
      { role: 'government-equity-representative', name: '石家庄市正定县城市建设投资集团有限公司', uscc: '911301230000000000' },
    ]);
  });

  it('attributes: codes decoded, investment in 万元, dates canonical', () => {
    expect(d.attributes).toEqual({
      projNo: '1301232016000042',
      stage: { code: '3', name: '执行' },
      location: { province: '河北省', city: '石家庄市', district: '正定县' },
      industry: { primary: '市政工程', secondary: '污水处理' },
      totalInvestment: 123456.789,
      operateMode: { code: '1', name: 'BOT' },
      returnMode: { code: '3', name: '可行性缺口补助' },
      cooperationTermYears: 28,
      initiatedOn: '2016-03-15',
      demonstration: {
        isDemonstration: true,
        flag: { code: '1', name: '示范项目' },
        listings: [{ batch: { code: '3', name: '第三批' }, level: { code: '0', name: '国家级' } }],
      },
      procurementMethod: { code: '4', name: '竞争性磋商' },
      governmentParticipation: {
        mode: { code: '1', name: '政府出资代表参股' },
        equityRepresentative: { name: '石家庄市正定县城市建设投资集团有限公司', uscc: '911301230000000000' },
        equitySharePercent: 20,
      },
      implementingAgency: { name: '石家庄市正定县住房和城乡建设局', uscc: '111301230000000000' },
      partners: [
        { name: '石家庄恒信水务有限公司', uscc: '914403001922038216' },
        { name: '河北华远建筑工程有限公司', uscc: '914403001922038216' },
      ],
      contractSignedOn: '2018-06-30',
      contact: { name: '王*', phone: '138****5678' },
      updateTime: '2026-01-05 09:00:00',
    });
  });

  it('the contact is personal: originals only in `personal`, nothing unmasked where it is served', () => {
    expect(d.personal).toEqual({ linkUname: '王伟', linkTel: '13812345678' });
    const served = JSON.stringify([d.title, d.attributes, d.searchText, d.parties, d.subject]);
    expect(findUnmaskedPersonalInfo(served)).toEqual([]);
    expect(served).not.toContain('王伟');
  });

  it('search text carries the decoded words people search for', () => {
    expect(d.searchText).toEqual(expect.arrayContaining(['1301232016000042', '污水处理', '执行阶段', 'BOT', '可行性缺口补助', '竞争性磋商', '国家级示范项目']));
  });

  it('a project in identification has no plan, no partners and no contract yet', () => {
    const early = pppProjects.toDisclosure(identifying, MAPPING);
    expect(early.attributes).toMatchObject({
      stage: { code: '0', name: '识别' },
      location: { district: null },
      procurementMethod: null,
      governmentParticipation: null,
      partners: [],
      contractSignedOn: null,
      contact: { name: null, phone: null },
      implementingAgency: { name: '石家庄市城市管理综合行政执法局', uscc: null },
    });
    expect(early.region).toBe('石家庄市');
    expect(early.publisher).toBe('石家庄市财政局');
    expect(early.parties).toEqual([{ role: 'implementing-agency', name: '石家庄市城市管理综合行政执法局', uscc: null }]);
    expect(early.personal).toBeNull();
  });

  it('no equity representative when the government takes no equity, whatever else the plan says', () => {
    const plan = { ...executing.implPlanInfo, govInvestType: '2' };
    const noEquity = pppProjects.toDisclosure({ ...executing, implPlanInfo: plan }, MAPPING);
    expect(attributesOf(noEquity, 'ppp-project').governmentParticipation).toEqual({
      mode: { code: '2', name: '政府不参股' },
      equityRepresentative: null,
      equitySharePercent: null,
    });
    expect(noEquity.parties!.map((p) => p.role)).not.toContain('government-equity-representative');
  });

  it('codes written as numbers map exactly as codes written as strings', () => {
    const numeric = { ...executing, projState: 3, returnMode: 3, operateMode: 1, exampleList: [{ batchNumber: 3, exampleLevel: 0 }] };
    expect(validate(numeric)).toEqual([]);
    expect(pppProjects.toDisclosure(numeric, MAPPING).attributes).toEqual(d.attributes);
  });
});

describe('PPP project stream identity', () => {
  it('the key is the project number, whatever its case', () => {
    expect(pppProjects.key(executing)).toBe('1301232016000042');
    expect(pppProjects.key({ ...executing, projNo: 'ab-1234567' })).toBe('AB-1234567');
  });

  it('the cursor is the update time in canonical form', () => {
    expect(pppProjects.cursor!({ ...executing, updateTime: '2026/1/5 9:00' })).toBe('2026-01-05 09:00:00');
  });
});

describe('PPP project schema', () => {
  it('accepts the library records above', () => {
    expect(validate(executing)).toEqual([]);
    expect(validate(identifying)).toEqual([]);
  });

  it('rejects wrong types, unknown codes, a missing number, a negative investment and a bad date, quoting them', () => {
    expect(validate({ ...executing, investCount: 'abc' })).toEqual([{ path: '/investCount', message: expect.stringMatching(/"investCount" is "abc"/) }]);
    expect(validate({ ...executing, operateMode: '12' })).toEqual([
      { path: '/operateMode', message: '"operateMode" is "12": expected an operation mode code: 1 BOT, 2 TOT, 3 ROT, 4 BOO, 5 TOT+BOT, 6 TOT+BOO, 7 O&M, 8 MC, 9 其他' },
    ]);
    const { projNo: _missing, ...withoutNumber } = executing;
    expect(validate(withoutNumber)).toEqual([{ path: '/projNo', message: 'required field "projNo" is missing' }]);
    expect(validate({ ...executing, investCount: -1 })[0]).toMatchObject({ path: '/investCount', message: expect.stringMatching(/non-negative amount in 分/) });
    expect(validate({ ...executing, startTime: '2016-02-30' })[0]).toMatchObject({ path: '/startTime' });
  });

  it('a wrong USCC check character is not invalid: the hub stores and flags it', () => {
    expect(validate({ ...executing, implOrgCode: '111301230000000001' })).toEqual([]);
    expect(validate({ ...executing, implOrgCode: 'not a code' })[0]).toMatchObject({ path: '/implOrgCode' });
  });

  it('its code enums are exactly the domain code tables, as strings and as numbers', () => {
    const enumOf = (s: TSchema): unknown[] => s.enum.filter((v: unknown) => v !== null);
    const both = (table: PppCodeTable) => [...Object.keys(table), ...Object.keys(table).map(Number)];
    const p = pppProjectRecordSchema.properties;
    expect(enumOf(p.projState)).toEqual(both(PPP_STAGES));
    expect(enumOf(p.returnMode)).toEqual(both(PPP_RETURN_MODES));
    expect(enumOf(p.operateMode)).toEqual(both(PPP_OPERATE_MODES));
    expect(enumOf(p.example)).toEqual(both(PPP_EXAMPLE_FLAGS));
    expect(enumOf(p.exampleList.items.properties.exampleLevel)).toEqual(both(PPP_EXAMPLE_LEVELS));
    expect(enumOf(p.implPlanInfo.properties.socialPurchaseWay)).toEqual(both(PPP_PURCHASE_WAYS));
    expect(enumOf(p.implPlanInfo.properties.govInvestType)).toEqual(both(PPP_GOV_PARTICIPATION));
  });
});
