import fs from 'node:fs';
import path from 'node:path';
import { tradingNoticeRecordSchema } from '../../connectors/trading/notices/schema';
import {
  NOTICE_TYPE_LIST,
  NOTICE_TYPES,
  classifyNoticeType,
  noticeTypeByCode,
  noticeTypeInfo,
  tenderStatusAfter,
  type NoticeType,
} from '../../src/domain/trading';
import { OCDS_SCHEMA_DIR } from '../../src/ocds/schemaValidator';

describe('notice type catalogue', () => {
  it('has the eight notice types of docs/standards/trading-ocds.md, each with its own code', () => {
    expect(NOTICE_TYPE_LIST.map((t) => t.type)).toEqual(['tender', 'qualification', 'amendment', 'candidates', 'award', 'contract', 'implementation', 'cancellation']);
    expect(new Set(NOTICE_TYPE_LIST.map((t) => t.code)).size).toBe(8);
    for (const info of NOTICE_TYPE_LIST) expect(noticeTypeByCode(info.code)).toBe(info);
    expect(noticeTypeByCode(' 05 ')?.type).toBe('award');
    expect(noticeTypeByCode('99')).toBeUndefined();
  });

  it('maps to the OCDS release tags docs/standards/trading-ocds.md suggests, candidates being a (pending) award', () => {
    const tags = Object.fromEntries(NOTICE_TYPE_LIST.map((t) => [t.type, t.ocdsTag]));
    expect(tags).toEqual({
      tender: 'tender',
      qualification: 'tenderUpdate',
      amendment: 'tenderAmendment',
      candidates: 'award',
      award: 'award',
      contract: 'contract',
      implementation: 'implementation',
      cancellation: 'tenderCancellation',
    });
  });

  it('every tag is in the OCDS 1.1.5 releaseTag codelist', () => {
    // The project's copy of the official codelists (src/ocds/schema/1.1.5; docs/standards/trading-ocds.md).
    const csv = path.join(OCDS_SCHEMA_DIR, 'codelists/releaseTag.csv');
    const codes = fs.readFileSync(csv, 'utf8').split('\n').slice(1).map((line) => line.split(',')[0]);
    for (const info of NOTICE_TYPE_LIST) expect(codes).toContain(info.ocdsTag);
  });

  it('ranks stages tender < qualification < award < contract < implementation; an amendment does not advance', () => {
    const rank = (t: NoticeType) => NOTICE_TYPES[t].rank;
    expect(rank('tender')).toBeLessThan(rank('qualification'));
    expect(rank('qualification')).toBeLessThan(rank('candidates'));
    expect(rank('candidates')).toBe(rank('award'));
    expect(rank('award')).toBeLessThan(rank('contract'));
    expect(rank('contract')).toBeLessThan(rank('implementation'));
    expect(rank('amendment')).toBe(rank('tender'));
    expect(NOTICE_TYPES.cancellation.stage).toBe('cancelled');
  });

  it('every synonym and canonical name classifies as its own type', () => {
    for (const info of NOTICE_TYPE_LIST) {
      expect([info.name, classifyNoticeType(info.name)?.type]).toEqual([info.name, info.type]);
      for (const synonym of info.synonyms) expect([synonym, classifyNoticeType(synonym)?.type]).toEqual([synonym, info.type]);
    }
  });

  it('the sample schema accepts exactly the catalogue codes', () => {
    expect(tradingNoticeRecordSchema.properties.noticeTypeCode.enum).toEqual(NOTICE_TYPE_LIST.map((t) => t.code));
  });

  it('noticeTypeInfo names the types it knows when given another', () => {
    expect(() => noticeTypeInfo('bid' as NoticeType)).toThrow(/unknown notice type "bid"; expected one of tender, qualification/);
  });
});

describe('classifyNoticeType', () => {
  it.each<[string, NoticeType]>([
    ['大庆市人民医院门诊楼装修改造工程招标公告', 'tender'],
    ['大庆市教育局2026年中小学教室照明改造设备采购项目公开招标公告', 'tender'],
    ['大庆市萨尔图区人民政府辖区垃圾分类收运服务采购项目竞争性磋商公告', 'tender'],
    ['大庆高新区湖滨路以东地块国有建设用地使用权挂牌出让公告（庆自然资告字〔2026〕12号）', 'tender'],
    ['大庆市萨尔图区人民政府街心公园提升改造工程资格预审公告', 'tender'],
    ['大庆市萨尔图区人民政府街心公园提升改造工程资格预审结果公示', 'qualification'],
    ['关于大庆市水务局东城水库供水管网改造工程的更正公告', 'amendment'],
    ['大庆市公安局执法记录仪采购项目变更公告（第二次）', 'amendment'],
    ['大庆市人民医院医用直线加速器采购项目中标结果更正公告', 'amendment'],
    ['大庆市交通运输局农村公路养护维修工程（第二标段）中标候选人公示', 'candidates'],
    ['乘风街辅路改造工程评标结果公示', 'candidates'],
    ['大庆市中医医院彩色多普勒超声诊断仪采购项目中标公告', 'award'],
    ['大庆市图书馆数字资源采购服务项目成交结果公告', 'award'],
    ['大庆市交通运输局农村公路养护维修工程中标结果公示', 'award'],
    ['龙凤区乘风街以南地块国有建设用地使用权挂牌出让结果公示', 'award'],
    ['大庆市机关事务服务中心闲置办公设备处置项目成交公告', 'award'],
    ['大庆市疾病预防控制中心疫苗冷链配送服务采购项目（第2包）合同公告', 'contract'],
    ['大庆市第一中学理化生实验室设备采购项目验收结果公告', 'implementation'],
    ['世纪大道道路提升改造工程合同履约信息公开', 'implementation'],
    ['大庆市生态环境局走航监测设备采购项目废标公告', 'cancellation'],
    ['大庆市公安局警用无人机采购项目终止公告', 'cancellation'],
    ['市直学校学生课桌椅采购项目招标失败公告', 'cancellation'],
    ['城市照明节能改造工程流标公告', 'cancellation'],
  ])('%s → %s', (title, type) => {
    expect(classifyNoticeType(title)?.type).toBe(type);
  });

  it('reads the part after the project name, so notice words inside the name do not mislead', () => {
    expect(classifyNoticeType('大庆师范学院合同能源管理项目招标公告')?.type).toBe('tender');
    expect(classifyNoticeType('不动产变更登记系统采购项目公开招标')?.type).toBe('tender');
    expect(classifyNoticeType('竣工验收备案系统升级项目中标公示')?.type).toBe('award');
  });

  it('normalises full-width characters and blanks', () => {
    expect(classifyNoticeType(' 中标候选人 公示 ')?.type).toBe('candidates');
    expect(classifyNoticeType('更正公告（第２次）')?.type).toBe('amendment');
  });

  it('accepts a catalogue code as a type name', () => {
    expect(classifyNoticeType('06')?.type).toBe('contract');
  });

  it('is undefined when nothing names a notice type', () => {
    expect(classifyNoticeType('')).toBeUndefined();
    expect(classifyNoticeType('大庆市交通运输局通知')).toBeUndefined();
  });
});

describe('tenderStatusAfter', () => {
  it('a tender is active while open and complete once awarded', () => {
    expect(tenderStatusAfter('tender')).toBe('active');
    expect(tenderStatusAfter('amendment')).toBe('active');
    expect(tenderStatusAfter('qualification')).toBe('active');
    expect(tenderStatusAfter('candidates')).toBe('complete');
    expect(tenderStatusAfter('contract')).toBe('complete');
  });

  it('a failed tender is unsuccessful, an ended one cancelled', () => {
    expect(tenderStatusAfter('cancellation', '废标公告')).toBe('unsuccessful');
    expect(tenderStatusAfter('cancellation', '流标公告')).toBe('unsuccessful');
    expect(tenderStatusAfter('cancellation', '采购失败公告')).toBe('unsuccessful');
    expect(tenderStatusAfter('cancellation', '终止公告')).toBe('cancelled');
    expect(tenderStatusAfter('cancellation')).toBe('cancelled');
  });
});
