import { decodeIdType, ID_TYPE_SPELLINGS } from '../../src/domain/creditIdType';
import { decodeLicenceCategory } from '../../src/domain/creditLicenceCategory';
import { decodePartyCategory, inferPartyCategory, PARTY_CATEGORY_SPELLINGS } from '../../src/domain/creditPartyCategory';
import { decodePenaltyCategory, splitPenaltyCategories } from '../../src/domain/creditPenaltyCategory';
import { decodeRecordStatus, RECORD_STATUS_CODES_2016 } from '../../src/domain/creditStatus';

describe('party category (行政相对人类别)', () => {
  it('decodes the 2019 template names', () => {
    expect(decodePartyCategory('法人及非法人组织')).toEqual({ code: 'LEGAL_PERSON', name: '法人及非法人组织' });
    expect(decodePartyCategory('自然人')).toEqual({ code: 'NATURAL_PERSON', name: '自然人' });
    expect(decodePartyCategory('个体工商户')).toEqual({ code: 'INDIVIDUAL_BUSINESS', name: '个体工商户' });
  });

  it('decodes older wordings and the codes some systems write, to the canonical name', () => {
    expect(decodePartyCategory('法人和其他组织')?.code).toBe('LEGAL_PERSON');
    expect(decodePartyCategory('个人')?.code).toBe('NATURAL_PERSON');
    expect(decodePartyCategory('1')).toEqual({ code: 'LEGAL_PERSON', name: '法人及非法人组织' });
    expect(decodePartyCategory('02')).toEqual({ code: 'NATURAL_PERSON', name: '自然人' });
    expect(decodePartyCategory('3')).toEqual({ code: 'INDIVIDUAL_BUSINESS', name: '个体工商户' });
  });

  it('ignores blanks and full-width digits; an unknown spelling is undefined', () => {
    expect(decodePartyCategory(' 自然人 ')?.code).toBe('NATURAL_PERSON');
    expect(decodePartyCategory('０１')?.code).toBe('LEGAL_PERSON');
    expect(decodePartyCategory('企业')).toBeUndefined();
    expect(decodePartyCategory('')).toBeUndefined();
  });

  it('every spelling of the table decodes (the table is the schemas’ enum)', () => {
    for (const spelling of Object.keys(PARTY_CATEGORY_SPELLINGS)) expect(decodePartyCategory(spelling)).toBeDefined();
  });

  it('is inferred for 2016 rows: code 92… is a 个体工商户, any registration number an organisation, an ID alone a person', () => {
    expect(inferPartyCategory({ uscc: '92230602MA0D12345X', hasOtherRegistration: false, hasPersonalId: false })?.code).toBe('INDIVIDUAL_BUSINESS');
    expect(inferPartyCategory({ uscc: '91230600236056519T', hasOtherRegistration: false, hasPersonalId: false })?.code).toBe('LEGAL_PERSON');
    expect(inferPartyCategory({ hasOtherRegistration: true, hasPersonalId: false })?.code).toBe('LEGAL_PERSON');
    expect(inferPartyCategory({ hasOtherRegistration: false, hasPersonalId: true })?.code).toBe('NATURAL_PERSON');
    expect(inferPartyCategory({ hasOtherRegistration: false, hasPersonalId: false })).toBeUndefined();
  });
});

describe('ID type (证件类型)', () => {
  it('decodes names and the three-digit codes to one canonical value', () => {
    expect(decodeIdType('身份证')).toEqual({ code: 'RESIDENT_ID', name: '身份证' });
    expect(decodeIdType('居民身份证')).toEqual({ code: 'RESIDENT_ID', name: '身份证' });
    expect(decodeIdType('001')).toEqual({ code: 'RESIDENT_ID', name: '身份证' });
    expect(decodeIdType('护照')).toEqual({ code: 'PASSPORT', name: '护照号' });
    expect(decodeIdType('003')).toEqual({ code: 'HK_MACAO_PERMIT', name: '港澳居民来往内地通行证' });
  });

  it('keeps an unknown type as written, with no code', () => {
    expect(decodeIdType(' 军官证 ')).toEqual({ code: null, name: '军官证' });
    expect(Object.keys(ID_TYPE_SPELLINGS)).toContain('005');
  });
});

describe('licence category (许可类别)', () => {
  it.each([
    ['普通', 'GENERAL'],
    ['特许', 'FRANCHISE'],
    ['认可', 'ACCREDITATION'],
    ['核准', 'APPROVAL'],
    ['登记', 'REGISTRATION'],
    ['其他', 'OTHER'],
  ])('%s → %s, also written %s许可', (name, code) => {
    expect(decodeLicenceCategory(name)).toEqual({ code, name });
    expect(decodeLicenceCategory(`${name}许可`)).toEqual({ code, name });
  });

  it('keeps an unknown category as written', () => {
    expect(decodeLicenceCategory('备案')).toEqual({ code: null, name: '备案' });
  });
});

describe('penalty categories (处罚类别)', () => {
  it('splits on ; ； 、 , ， and gives each category once, in order', () => {
    const fineAndWarning = [
      { code: 'WARNING', name: '警告' },
      { code: 'FINE', name: '罚款' },
    ];
    expect(splitPenaltyCategories('警告;罚款')).toEqual(fineAndWarning);
    expect(splitPenaltyCategories('警告；罚款')).toEqual(fineAndWarning);
    expect(splitPenaltyCategories('警告、罚款')).toEqual(fineAndWarning);
    expect(splitPenaltyCategories('警告，罚款,警告')).toEqual(fineAndWarning);
  });

  it('merges several fields (2016 CF_CFLB1 and CF_CFLB2) and skips blank ones', () => {
    expect(splitPenaltyCategories('没收违法所得', '罚款', undefined, '').map((c) => c.code)).toEqual(['CONFISCATION_OF_ILLEGAL_GAINS', 'FINE']);
  });

  it('reads the short and 2021 wordings and the words content fields wrap them in', () => {
    expect(decodePenaltyCategory('暂扣或吊销许可证')).toEqual({ code: 'SUSPENSION_OR_REVOCATION_OF_LICENCE', name: '暂扣或者吊销许可证' });
    expect(decodePenaltyCategory('责令停业整顿')?.code).toBe('SUSPENSION_OF_PRODUCTION');
    expect(decodePenaltyCategory('吊销许可证')?.code).toBe('REVOCATION_OF_LICENCE');
    expect(decodePenaltyCategory('并处罚款')?.code).toBe('FINE');
    expect(decodePenaltyCategory('罚款处罚')?.code).toBe('FINE');
  });

  it('does not cut a category that itself contains a separator', () => {
    expect(splitPenaltyCategories('警告、法律、行政法规规定的其他行政处罚')).toEqual([
      { code: 'WARNING', name: '警告' },
      { code: 'OTHER', name: '其他' },
    ]);
  });

  it('keeps an unknown word with code null', () => {
    expect(splitPenaltyCategories('罚款、责令改正')).toEqual([
      { code: 'FINE', name: '罚款' },
      { code: null, name: '责令改正' },
    ]);
  });
});

describe('record status (当前状态)', () => {
  it('reads the words sources write, blank as in force', () => {
    expect(decodeRecordStatus('有效')).toBe('published');
    expect(decodeRecordStatus('')).toBe('published');
    expect(decodeRecordStatus(undefined)).toBe('published');
    expect(decodeRecordStatus('撤销')).toBe('revoked');
    expect(decodeRecordStatus('注销')).toBe('cancelled');
    expect(decodeRecordStatus('过期')).toBe('expired');
    expect(decodeRecordStatus('异议')).toBe('published');
  });

  it('reads the 2016 numeric states only when asked to', () => {
    expect(decodeRecordStatus('1')).toBeUndefined();
    expect(decodeRecordStatus('1', RECORD_STATUS_CODES_2016)).toBe('revoked');
    expect(decodeRecordStatus('0', RECORD_STATUS_CODES_2016)).toBe('published');
    expect(decodeRecordStatus('待定')).toBeUndefined();
  });
});
