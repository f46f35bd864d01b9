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
  projRid: '91fe736c280a47b183e2727b40cc8dc4',
  projNo: '2306222016000042',
  projName: '大庆市肇源县污水处理厂提标改造及配套管网工程PPP项目',
  distProvinceName: '黑龙江省',
  distCityName: '大庆市',
  distName: '肇源县',
  industryRequiredName: '市政工程',
  industryOptionalName: '污水处理',
  projOverview: ' 本项目位于大庆市肇源县，设计处理规模3万立方米/日，出水执行GB 18918-2002一级A标准。 ',
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
  implOrgName: '大庆市肇源县住房和城乡建设局',
  implOrgCode: '112306220000000000',
  implPlanInfo: {
    socialPurchaseWay: '4',
    govInvestType: '1',
    govInvestOrgName: '大庆市肇源县城乡建设投资有限公司',
    govInvestOrgCode: '912306220000000000',
    govShareRatio: 20,
  },
  socialCapitalList: [
    { socialCapitalName: '大庆恒信水务有限公司', socialCapitalCode: '914403001922038216' },
    { socialCapitalName: '黑龙江华远建筑工程有限公司', socialCapitalCode: ' 914403001922038216 ' },
  ],
  contractSignTime: '2018/6/30',
  updateTime: '2026-01-05 09:00:00',
};

/** A project still being identified: no implementation plan, no partners. */
const identifying: PppProjectRecord = {
  ...executing,
  projRid: '8779FE49301B4F3FA5BB8D00BA46E504',
  projNo: '2306002025000007',
  projName: '大庆市智慧停车场建设运营PPP项目',
  distName: '',
  projState: 0,
  startTime: '2025-04-01',
  returnMode: '2',
  example: '2',
  exampleList: [],
  linkUname: null,
  linkTel: null,
  implOrgName: '大庆市城市管理综合执法局',
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
    expect(d.title).toBe('大庆市肇源县污水处理厂提标改造及配套管网工程PPP项目');
    expect(d.status).toBe('published');
    expect(d.subject).toEqual({ name: '大庆市肇源县住房和城乡建设局', uscc: '112306220000000000' });
    expect(d.region).toBe('肇源县');
    expect(d.publisher).toBe('大庆市肇源县财政局');
  });

  it('publishedAt is the initiation (发起时间), updatedAt the library update time, both China time', () => {
    expect(d.publishedAt.toISOString()).toBe('2016-03-14T16:00:00.000Z');
    expect(d.updatedAt!.toISOString()).toBe('2026-01-05T01:00:00.000Z');
  });

  it('parties: the agency, every partner and the government equity representative', () => {
    expect(d.parties).toEqual([
      { role: 'implementing-agency', name: '大庆市肇源县住房和城乡建设局', uscc: '112306220000000000' },
      { role: 'partner', name: '大庆恒信水务有限公司', uscc: '914403001922038216' },
      { role: 'partner', name: '黑龙江华远建筑工程有限公司', uscc: '914403001922038216' },
      { role: 'government-equity-representative', name: '大庆市肇源县城乡建设投资有限公司', uscc: '912306220000000000' },
    ]);
  });

  it('attributes: codes decoded, investment in 万元, dates canonical', () => {
    expect(d.attributes).toEqual({
      projNo: '2306222016000042',
      stage: { code: '3', name: '执行' },
      location: { province: '黑龙江省', city: '大庆市', district: '肇源县' },
      industry: { primary: '市政工程', secondary: '污水处理' },
      overview: '本项目位于大庆市肇源县，设计处理规模3万立方米/日，出水执行GB 18918-2002一级A标准。',
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
        equityRepresentative: { name: '大庆市肇源县城乡建设投资有限公司', uscc: '912306220000000000' },
        equitySharePercent: 20,
      },
      implementingAgency: { name: '大庆市肇源县住房和城乡建设局', uscc: '112306220000000000' },
      partners: [
        { name: '大庆恒信水务有限公司', uscc: '914403001922038216' },
        { name: '黑龙江华远建筑工程有限公司', uscc: '914403001922038216' },
      ],
      contractSignedOn: '2018-06-30',
      contact: { name: '王伟', phone: '138****5678' },
      policyConflicts: [],
      updateTime: '2026-01-05 09:00:00',
    });
  });

  it('the contact is the agency’s: the person named in full, a mobile masked with its original only in `personal`', () => {
    expect(d.personal).toEqual({ linkTel: '13812345678' });
    const served = JSON.stringify([d.title, d.attributes, d.searchText, d.parties, d.subject]);
    expect(findUnmaskedPersonalInfo(served)).toEqual([]);
    expect(served).not.toContain('13812345678');
  });

  it('an office line is the agency’s published contact: served in full, nothing personal kept', () => {
    const office = pppProjects.toDisclosure({ ...executing, linkTel: '0459-4612345' }, MAPPING);
    expect(attributesOf(office, 'ppp-project').contact).toEqual({ name: '王伟', phone: '0459-4612345' });
    expect(office.personal).toBeNull();
  });

  it('search text carries the decoded words people search for', () => {
    expect(d.searchText).toEqual(expect.arrayContaining(['2306222016000042', '污水处理', '执行阶段', 'BOT', '可行性缺口补助', '竞争性磋商', '国家级示范项目']));
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
      implementingAgency: { name: '大庆市城市管理综合执法局', uscc: null },
      policyConflicts: [],
    });
    expect(early.region).toBe('大庆市');
    // A city-level project of the city is published by the city's finance bureau, as its setting names it.
    expect(early.publisher).toBe(MAPPING.city.authorities.finance);
    expect(early.parties).toEqual([{ role: 'implementing-agency', name: '大庆市城市管理综合执法局', uscc: null }]);
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

describe('a record that contradicts PPP policy is flagged, not rejected', () => {
  const conflicts = (record: PppProjectRecord) => {
    expect(validate(record)).toEqual([]);
    return attributesOf(pppProjects.toDisclosure(record, MAPPING), 'ppp-project').policyConflicts;
  };
  const newProject = { ...identifying, projName: '大庆市萨尔图区集中供热老旧供热管网改造工程PPP项目', distName: '萨尔图区', startTime: '2024-05-06' };

  it('a project initiated under the 2023 new mechanism and paid by the government or by viability-gap funding', () => {
    for (const [returnMode, name] of [['1', '政府付费'], ['3', '可行性缺口补助']]) {
      expect(conflicts({ ...newProject, returnMode })).toEqual([
        {
          rule: 'NEW_MECHANISM_RETURN_MODE',
          basis: expect.stringContaining('国办函〔2023〕115号'),
          explanation: `项目发起于2024-05-06，适用政府和社会资本合作新机制（2023-02-01起），应为使用者付费项目；其回报机制为${name}`,
        },
      ]);
    }
    expect(conflicts({ ...newProject, returnMode: '2' })).toEqual([]);
    // Before the reform the same record fits: the rule is about when the project began.
    expect(conflicts({ ...newProject, returnMode: '3', startTime: '2022-12-30' })).toEqual([]);
  });

  it('a new-mechanism project that is no franchise handed back at the end (BOO, O&M …)', () => {
    expect(conflicts({ ...newProject, operateMode: '4' }).map((c) => c.rule)).toEqual(['NEW_MECHANISM_OPERATE_MODE']);
    expect(conflicts({ ...newProject, operateMode: '9' })).toEqual([]);
  });

  it('O&M or MC, modes for existing assets, on a project whose name says it builds', () => {
    const built = conflicts({ ...executing, operateMode: '7' });
    expect(built).toEqual([
      {
        rule: 'EXISTING_ASSET_MODE_FOR_CONSTRUCTION',
        basis: expect.stringContaining('财金〔2014〕113号'),
        explanation: '运作方式O&M只适用于存量公共资产的运营，项目名称表明其有建设内容（“改造”）',
      },
    ]);
    expect(conflicts({ ...executing, operateMode: '8', projName: '大庆市第二小学新建工程PPP项目' })[0].explanation).toContain('（“新建”）');
    expect(conflicts({ ...executing, operateMode: '7', projName: '大庆市肇源县城南污水处理厂委托运营PPP项目' })).toEqual([]);
  });

  it('every rule a record breaks is listed, in a fixed order', () => {
    expect(conflicts({ ...newProject, returnMode: '1', operateMode: '7' }).map((c) => c.rule)).toEqual([
      'NEW_MECHANISM_RETURN_MODE',
      'NEW_MECHANISM_OPERATE_MODE',
      'EXISTING_ASSET_MODE_FOR_CONSTRUCTION',
    ]);
  });
});

describe('PPP project stream identity', () => {
  it('the key is the platform’s project id, whatever its case: the id its project page is addressed by', () => {
    expect(pppProjects.key(executing)).toBe('91fe736c280a47b183e2727b40cc8dc4');
    expect(pppProjects.key(identifying)).toBe('8779fe49301b4f3fa5bb8d00ba46e504');
    expect(pppProjects.key({ ...executing, projNo: 'ab-1234567' })).toBe('91fe736c280a47b183e2727b40cc8dc4');
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
    const { projRid: _noId, ...withoutId } = executing;
    expect(validate(withoutId)).toEqual([{ path: '/projRid', message: 'required field "projRid" is missing' }]);
    expect(validate({ ...executing, projRid: '2306222016000042' })[0]).toMatchObject({ path: '/projRid', message: expect.stringMatching(/32 hexadecimal digits/) });
    expect(validate({ ...executing, investCount: -1 })[0]).toMatchObject({ path: '/investCount', message: expect.stringMatching(/non-negative amount in 分/) });
    expect(validate({ ...executing, startTime: '2016-02-30' })[0]).toMatchObject({ path: '/startTime' });
  });

  it('a wrong USCC check character is not invalid: the hub stores and flags it', () => {
    expect(validate({ ...executing, implOrgCode: '112306220000000001' })).toEqual([]);
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
