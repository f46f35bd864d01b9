import { DEFAULT_CITY } from '../../src/config/city';
import { creditDay, parseValidityEnd } from '../../src/domain/creditDates';
import { canonicalDocumentNumber } from '../../src/domain/creditDocumentNumber';
import { regionOfAuthority } from '../../src/domain/creditRegion';

describe('creditDay', () => {
  it('reads every form the feeds write as one calendar day in China time', () => {
    for (const text of ['2026-03-15', '2026/3/15', '2026/03/15', '2026年3月15日', '2026-03-15 23:59:59', '2026/3/15 08:00']) {
      expect([text, creditDay(text)]).toEqual([text, '2026-03-15']);
    }
  });

  it('keeps the China day of an instant written with an offset', () => {
    expect(creditDay('2026-03-14T16:30:00Z')).toBe('2026-03-15');
  });

  it('is undefined for impossible dates and non-dates', () => {
    expect(creditDay('2026-02-30')).toBeUndefined();
    expect(creditDay('待定')).toBeUndefined();
    expect(creditDay('')).toBeUndefined();
  });
});

describe('parseValidityEnd', () => {
  it('a date is a day', () => {
    expect(parseValidityEnd('2031-03-14')).toEqual({ date: '2031-03-14', openEnded: false });
  });

  it('长期, 永久 and far-future placeholder dates mean no end', () => {
    for (const text of ['长期', '长期有效', '永久', '2099-12-31', '9999-12-31']) {
      expect([text, parseValidityEnd(text)]).toEqual([text, { date: null, openEnded: true }]);
    }
  });

  it('is undefined when unreadable and for a blank', () => {
    expect(parseValidityEnd('三年')).toBeUndefined();
    expect(parseValidityEnd(' ')).toBeUndefined();
  });
});

describe('canonicalDocumentNumber', () => {
  it('writes the year in hexagonal brackets whatever brackets the feed used', () => {
    for (const text of ['庆市监罚〔2026〕123号', '庆市监罚[2026]123号', '庆市监罚【2026】123号', '庆市监罚（2026）123号', '庆市监罚(2026)123号', '庆市监罚［2026］123号']) {
      expect(canonicalDocumentNumber(text)).toBe('庆市监罚〔2026〕123号');
    }
  });

  it('removes blanks and full-width digits', () => {
    expect(canonicalDocumentNumber(' 庆市监罚 〔２０２６〕 １２３号 ')).toBe('庆市监罚〔2026〕123号');
  });

  it('leaves brackets that do not hold a year alone', () => {
    expect(canonicalDocumentNumber('取水(黑庆)字[2026]第00012号')).toBe('取水(黑庆)字〔2026〕第00012号');
  });
});

describe('regionOfAuthority', () => {
  const setting = DEFAULT_CITY;

  it('is the district the authority names, in either naming pattern', () => {
    expect(regionOfAuthority('大庆市萨尔图区市场监督管理局', setting)).toBe('萨尔图区');
    expect(regionOfAuthority('大庆市生态环境局让胡路区分局', setting)).toBe('让胡路区');
    expect(regionOfAuthority('肇源县市场监督管理局', setting)).toBe('肇源县');
    expect(regionOfAuthority('杜尔伯特蒙古族自治县市场监督管理局', setting)).toBe('杜尔伯特蒙古族自治县');
    expect(regionOfAuthority('大庆市大同区应急管理局', setting)).toBe('大同区');
  });

  it('knows a division by the other spellings the city setting gives it (CitySetting.districts[].aliases)', () => {
    expect(regionOfAuthority('杜蒙县市场监督管理局', setting)).toBe('杜尔伯特蒙古族自治县');
    expect(regionOfAuthority('杜尔伯特县应急管理局', setting)).toBe('杜尔伯特蒙古族自治县');
    expect(regionOfAuthority('大庆市生态环境局杜蒙分局', setting)).toBe('杜尔伯特蒙古族自治县');
    // The aliases are the setting's, not the function's: another spelling is known once configured.
    const withAlias = { ...setting, districts: setting.districts.map((d) => (d.name === '萨尔图区' ? { ...d, aliases: ['萨区'] } : d)) };
    expect(regionOfAuthority('大庆市萨区市场监督管理局', setting)).toBe('大庆市');
    expect(regionOfAuthority('大庆市萨区市场监督管理局', withAlias)).toBe('萨尔图区');
  });

  it('is the city for city bodies, even when a department name contains 市 or 区', () => {
    expect(regionOfAuthority('大庆市市场监督管理局', setting)).toBe('大庆市');
    expect(regionOfAuthority('大庆高新技术产业开发区管理委员会', setting)).toBe('大庆市');
  });
});
