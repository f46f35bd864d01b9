import { maskContact, maskContactPhone, maskPersonName } from '../../src/domain/ppp';
import { findUnmaskedPersonalInfo } from '../../src/domain/masking';

describe('PPP contact masking', () => {
  it('a name keeps its surname and one star', () => {
    expect(maskPersonName('王伟')).toBe('王*');
    expect(maskPersonName('张秀英')).toBe('张*');
    expect(maskPersonName(' 李建国 ')).toBe('李*');
  });

  it('compound surnames keep both characters; a two-character name is surname + given name', () => {
    expect(maskPersonName('欧阳修')).toBe('欧阳*');
    expect(maskPersonName('司马相如')).toBe('司马*');
    expect(maskPersonName('欧阳')).toBe('欧*');
  });

  it('a lone character is masked whole; several contacts are masked one by one', () => {
    expect(maskPersonName('王')).toBe('*');
    expect(maskPersonName('')).toBe('');
    expect(maskPersonName('张伟、李娜')).toBe('张*、李*');
    expect(maskPersonName('张伟,欧阳娜娜')).toBe('张*、欧阳*');
  });

  it('phones keep the first 3 and last 4 digits, landlines too, each number on its own', () => {
    expect(maskContactPhone('13812345678')).toBe('138****5678');
    expect(maskContactPhone('138-1234-5678')).toBe('138-****-5678');
    expect(maskContactPhone('0311-86012345')).toBe('031*-****2345');
    expect(maskContactPhone('0311-86012345/13812345678')).toBe('031*-****2345，138****5678');
  });

  it('maskContact: masked forms to serve, originals to keep', () => {
    const contact = maskContact('王伟', '13812345678');
    expect(contact).toEqual({
      masked: { name: '王*', phone: '138****5678' },
      personal: { linkUname: '王伟', linkTel: '13812345678' },
    });
    expect(findUnmaskedPersonalInfo(JSON.stringify(contact.masked))).toEqual([]);
    expect(findUnmaskedPersonalInfo(JSON.stringify(contact.personal))).toEqual(['13812345678']);
  });

  it('a missing or blank contact is absent, not an empty string', () => {
    expect(maskContact(null, undefined)).toEqual({ masked: { name: null, phone: null }, personal: null });
    expect(maskContact('  ', '0311-86012345')).toEqual({
      masked: { name: null, phone: '031*-****2345' },
      personal: { linkTel: '0311-86012345' },
    });
  });
});
