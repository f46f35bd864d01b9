import { credit } from '../../connectors/credit';
import { creditFeeds } from '../../samples/credit';
import type { LicenceRecord } from '../../connectors/credit/licences/schema';
import { licences } from '../../connectors/credit/licences/stream';
import { penalties2016 } from '../../connectors/credit/penalties-2016/stream';
import type { PenaltyRecord } from '../../connectors/credit/penalties/schema';
import { penalties } from '../../connectors/credit/penalties/stream';
import { findUnmaskedPersonalInfo } from '../../src/domain/masking';
import { isMalformed } from '../../samples/kit/feed';
import type { DisclosureInput } from '../../src/sync/stream';
import { validatorFor } from '../../src/sync/validation';
import { MAPPING } from '../helpers/mapping';
import { attributesOf } from '../../src/domain/contract';

const PERSON = { name: '张志强', idNumber: '230602197803151233', phone: '13812345678' };
const REP_ID = '230604199004125671';

/** Everything of a disclosure that is served or searched: all of it but `personal`. */
function served(input: DisclosureInput): string {
  const { personal: _personal, ...rest } = input;
  return JSON.stringify(rest);
}

function expectNoLeak(input: DisclosureInput, ...originals: string[]) {
  const text = served(input);
  expect(findUnmaskedPersonalInfo(text)).toEqual([]);
  for (const original of originals) expect(text).not.toContain(original);
}

const licenceToPerson: LicenceRecord = {
  XK_XDR_MC: PERSON.name,
  XK_XDR_LB: '自然人',
  // A code written for a natural person is not theirs: it must not make them an entity.
  XK_XDR_SHXYM: '91230602236056510T',
  XK_XDR_ZJLX: '001',
  XK_XDR_ZJHM: PERSON.idNumber,
  XK_XKWS: '医师执业注册决定书',
  XK_WSH: '庆卫医执〔2026〕8号',
  XK_XKLB: '认可',
  XK_XKZS: '医师执业证书',
  XK_XKBH: '110230600000008',
  XK_NR: `执业类别：临床（申请人身份证号${PERSON.idNumber}）`,
  XK_JDRQ: '2026-03-02',
  XK_XKJG: '大庆市卫生健康委员会',
  XK_LYDW: '大庆市卫生健康委员会',
  BZ: `联系电话${PERSON.phone}`,
  SJC: '2026-03-03 10:00:00',
};

const penaltyOnPerson: PenaltyRecord = {
  CF_XDR_MC: PERSON.name,
  CF_XDR_LB: '自然人',
  CF_XDR_ZJLX: '身份证',
  CF_XDR_ZJHM: PERSON.idNumber,
  CF_WSH: '庆城执法罚〔2026〕5号',
  CF_SY: `当事人${PERSON.name}（身份证号码${PERSON.idNumber}，联系电话${PERSON.phone}）于2026年2月1日随意倾倒建筑垃圾。`,
  CF_YJ: '《城市建筑垃圾管理规定》第二十六条',
  CF_CFLB: '罚款',
  CF_NR: '罚款人民币200元',
  CF_NR_FK: '0.02',
  CF_JDRQ: '2026-03-02',
  CF_CFJG: '大庆市城市管理综合行政执法局',
  CF_SJLY: '大庆市城市管理综合行政执法局',
  SJC: '2026-03-03 10:00:00',
};

describe('a natural person’s ID number is personal information', () => {
  it('a licence: the subject is the name only, the ID goes to personal, its mask to the attributes', () => {
    expect(validatorFor(licences.schema)(licenceToPerson)).toEqual([]);
    const input = licences.toDisclosure(licenceToPerson, MAPPING);
    expect(input.subject).toEqual({ name: PERSON.name });
    expect(input.personal).toEqual({ idNumber: PERSON.idNumber });
    const attributes = attributesOf(input, 'administrative-licence');
    expect(attributes.party).toMatchObject({ idType: { code: 'RESIDENT_ID', name: '身份证' }, idNumberMasked: '230602********1233', registrationNumbers: { businessRegistration: null } });
    expectNoLeak(input, PERSON.idNumber, PERSON.phone);
    expect(attributes.content).toBe('执业类别：临床（申请人身份证号230602********1233）');
    expect(attributes.remarks).toBe('联系电话138****5678');
  });

  it('a 2019 penalty: an ID and phone pasted into the facts are masked in attributes and search text', () => {
    const input = penalties.toDisclosure(penaltyOnPerson, MAPPING);
    expect(input.personal).toEqual({ idNumber: PERSON.idNumber });
    expectNoLeak(input, PERSON.idNumber, PERSON.phone);
    expect(attributesOf(input, 'administrative-penalty').facts).toContain('身份证号码230602********1233，联系电话138****5678');
    expect(input.title).toBe('大庆市城市管理综合行政执法局对张志强作出罚款处罚（庆城执法罚〔2026〕5号）');
  });

  it('a 2016 row: CF_XDR_SFZ is the person’s ID and is handled alike', () => {
    const input = penalties2016.toDisclosure({
      CF_WSH: '庆城管罚〔2016〕5号',
      CF_XDR_MC: PERSON.name,
      CF_XDR_SFZ: PERSON.idNumber,
      CF_SY: `当事人身份证号码${PERSON.idNumber}`,
      CF_JG: '罚款人民币200元',
      CF_JDRQ: '2016/3/2',
      CF_XZJG: '大庆市城市管理局',
      CF_SJC: '2016/3/3 10:00:00',
    }, MAPPING);
    expect(input.subject).toEqual({ name: PERSON.name });
    expect(input.personal).toEqual({ idNumber: PERSON.idNumber });
    expectNoLeak(input, PERSON.idNumber);
  });

  it('a legal representative’s ID number (XK_FR_ZJHM, CF_FR_ZJHM, CF_SFZ) is personal too', () => {
    const input = penalties.toDisclosure({
      ...penaltyOnPerson,
      CF_XDR_MC: '大庆恒信建筑工程有限公司',
      CF_XDR_LB: '法人及非法人组织',
      CF_XDR_SHXYM: '91230602236056510T',
      CF_XDR_ZJLX: null,
      CF_XDR_ZJHM: null,
      CF_FRDB: '王建国',
      CF_FR_ZJLX: '身份证',
      CF_FR_ZJHM: REP_ID,
      CF_SY: '经查，当事人随意倾倒建筑垃圾。',
    }, MAPPING);
    expect(input.subject).toEqual({ uscc: '91230602236056510T', name: '大庆恒信建筑工程有限公司' });
    expect(input.personal).toEqual({ legalRepresentativeIdNumber: REP_ID });
    expect(attributesOf(input, 'administrative-penalty').party).toMatchObject({ legalRepresentative: { name: '王建国', idNumberMasked: '230604********5671' }, idNumberMasked: null });
    expectNoLeak(input, REP_ID);
  });
});

describe('the sample feeds never lead to a served ID or phone number', () => {
  const options = { seed: 42, scale: 800, malformedRate: 0.02, edition: 1 };

  it.each(credit.streams.map((s, i) => [s.name, i] as const))('%s', (_name, i) => {
    const stream = credit.streams[i];
    const feed = creditFeeds[i];
    const validate = validatorFor(stream.schema);
    let people = 0;
    for (let index = 0; index < feed.count(options); index++) {
      if (isMalformed(feed.path, index, options)) continue;
      const record = feed.record(index, options);
      expect(validate(record)).toEqual([]);
      const input = stream.toDisclosure(record, MAPPING);
      expect(findUnmaskedPersonalInfo(served(input))).toEqual([]);
      if ((input.attributes as { party?: { category: { code: string } } }).party?.category.code === 'NATURAL_PERSON') {
        people++;
        expect(input.personal?.idNumber).toMatch(/^\d{17}[\dX]$/);
      }
    }
    if (['licences', 'penalties', 'penalties-2016'].includes(stream.name)) expect(people).toBeGreaterThan(40);
  });
});
