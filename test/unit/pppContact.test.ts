import { projectContact } from '../../src/domain/ppp';
import { findUnmaskedPersonalInfo } from '../../src/domain/masking';

describe('a PPP project contact is the implementing agency’s published business contact', () => {
  it('the contact person and an office line are served as published; nothing is kept as personal', () => {
    expect(projectContact(' 王伟 ', '0459-4612345')).toEqual({ served: { name: '王伟', phone: '0459-4612345' }, personal: null });
  });

  it('a mobile number is a natural person’s own: masked where served, the original kept in personal', () => {
    const contact = projectContact('王伟', '13812345678');
    expect(contact).toEqual({ served: { name: '王伟', phone: '138****5678' }, personal: { linkTel: '13812345678' } });
    expect(findUnmaskedPersonalInfo(JSON.stringify(contact.served))).toEqual([]);
    expect(projectContact('王伟', '138-1234-5678').served.phone).toBe('138-****-5678');
  });

  it('a field with an office line and a mobile keeps the office line and masks the mobile', () => {
    const contact = projectContact('李娜', '0459-4612345，13812345678');
    expect(contact.served.phone).toBe('0459-4612345，138****5678');
    expect(contact.personal).toEqual({ linkTel: '0459-4612345，13812345678' });
  });

  it('a missing or blank contact is absent, not an empty string', () => {
    expect(projectContact(null, undefined)).toEqual({ served: { name: null, phone: null }, personal: null });
    expect(projectContact('  ', '0459-4612345')).toEqual({ served: { name: null, phone: '0459-4612345' }, personal: null });
  });
});
