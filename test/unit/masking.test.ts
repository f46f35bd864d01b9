import {
  containsMobileNumber,
  findUnmaskedPersonalInfo,
  maskAddress,
  maskContactPhone,
  maskIdNumber,
  maskPersonalInfo,
  maskPersonalInfoInText,
  maskPhone,
} from '../../src/domain/masking';

describe('maskIdNumber', () => {
  it('keeps the first 6 and last 4; the stars replace exactly the middle', () => {
    expect(maskIdNumber('110101199003071234')).toBe('110101********1234');
    expect(maskIdNumber('11010119900307123X')).toBe('110101********123X');
    expect(maskIdNumber('110101199003071234')).toHaveLength(18);
  });

  it('trims surrounding blanks', () => {
    expect(maskIdNumber(' 110101199003071234 ')).toBe('110101********1234');
  });

  it('old 15-digit IDs keep the same ends', () => {
    expect(maskIdNumber('110101900307123')).toBe('110101*****7123');
  });

  it('a value too short to hide anything is masked entirely', () => {
    expect(maskIdNumber('1101011234')).toBe('**********');
    expect(maskIdNumber('12345')).toBe('*****');
    expect(maskIdNumber('')).toBe('');
  });
});

describe('maskPhone', () => {
  it('mobile: keeps first 3 and last 4', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('keeps separators in place and counts digits only', () => {
    expect(maskPhone('138-1234-5678')).toBe('138-****-5678');
    expect(maskPhone('138 1234 5678')).toBe('138 **** 5678');
    expect(maskPhone('010-12345678')).toBe('010-****5678'); // 11 digits: 3 + 4 hidden + 4
  });

  it('keeps a country code and masks the national number', () => {
    expect(maskPhone('+86 13812345678')).toBe('+86 138****5678');
    expect(maskPhone('+8613812345678')).toBe('+86138****5678');
    expect(maskPhone('8613812345678')).toBe('86138****5678');
    expect(maskPhone('0086-138-1234-5678')).toBe('0086-138-****-5678');
  });

  it('a number with 7 digits or fewer is masked entirely', () => {
    expect(maskPhone('1234567')).toBe('*******');
    expect(maskPhone('12345678')).toBe('123*5678');
  });
});

describe('maskContactPhone: an organisation’s published contact phone (docs/standards/privacy.md)', () => {
  it('an office line is the organisation’s and is served as published', () => {
    expect(maskContactPhone('0459-4612345')).toBe('0459-4612345');
    expect(maskContactPhone(' (0459) 4612345 转 801 ')).toBe('(0459) 4612345 转 801');
    expect(maskContactPhone('400-810-5959')).toBe('400-810-5959');
  });

  it('a mobile number is a natural person’s and is masked, in any of its written forms', () => {
    expect(maskContactPhone('13812345678')).toBe('138****5678');
    expect(maskContactPhone('138-1234-5678')).toBe('138-****-5678');
    expect(maskContactPhone('+86 13812345678')).toBe('+86 138****5678');
  });

  it('a field with both keeps the office line and masks the mobile, separators as written', () => {
    expect(maskContactPhone('0459-4612345，13812345678')).toBe('0459-4612345，138****5678');
    expect(maskContactPhone('13812345678/0459-4612345')).toBe('138****5678/0459-4612345');
    expect(findUnmaskedPersonalInfo(maskContactPhone('0459-4612345、139 1234 5678'))).toEqual([]);
  });

  it('containsMobileNumber tells a field holding a mobile from one of office lines only', () => {
    expect(containsMobileNumber('0459-4612345，13812345678')).toBe(true);
    expect(containsMobileNumber('0459-4612345')).toBe(false);
    expect(containsMobileNumber('138****5678')).toBe(false);
  });

  it('maskPhone stays the rule for a natural person’s own number, whatever its kind', () => {
    expect(maskPhone('0459-4612345')).toBe('045*-***2345');
  });
});

describe('maskAddress', () => {
  it.each([
    ['广东省深圳市南山区科技园路1号', '广东省深圳市南山区****'],
    ['北京市朝阳区建国路88号3单元502', '北京市朝阳区****'],
    ['上海市浦东新区张江镇科苑路', '上海市浦东新区****'],
    ['黑龙江省大庆市萨尔图区东风路12号3栋2单元501室', '黑龙江省大庆市萨尔图区****'],
    ['黑龙江省大庆市杜尔伯特蒙古族自治县泰康镇团结路8号', '黑龙江省大庆市杜尔伯特蒙古族自治县****'],
    ['大庆市肇源县建设路5号', '大庆市肇源县****'],
    ['江苏省苏州市昆山市玉山镇人民路1号', '江苏省苏州市昆山市****'],
    ['新疆维吾尔自治区乌鲁木齐市天山区解放路1号', '新疆维吾尔自治区乌鲁木齐市天山区****'],
    ['吉林省延边朝鲜族自治州延吉市人民路', '吉林省延边朝鲜族自治州延吉市****'],
    ['西藏自治区阿里地区噶尔县狮泉河镇', '西藏自治区阿里地区噶尔县****'],
    ['内蒙古自治区鄂尔多斯市伊金霍洛旗阿镇', '内蒙古自治区鄂尔多斯市伊金霍洛旗****'],
    ['深圳市南山区粤海街道', '深圳市南山区****'],
    ['朝阳区建国路88号', '朝阳区****'],
  ])('%s → %s', (address, masked) => {
    expect(maskAddress(address)).toBe(masked);
  });

  it('does not take a residential compound or a shop for a district', () => {
    expect(maskAddress('北京市朝阳区阳光花园小区5栋301')).toBe('北京市朝阳区****');
    expect(maskAddress('阳光花园小区5栋301')).toBe('****');
    expect(maskAddress('沃尔玛超市2楼')).toBe('****');
  });

  it('masks everything when no district-level unit is found (hide more when unsure)', () => {
    expect(maskAddress('广东省东莞市长安镇工业区1号')).toBe('****');
    expect(maskAddress('建国路88号')).toBe('****');
  });

  it('an address that stops at the district level has nothing to hide', () => {
    expect(maskAddress('北京市朝阳区')).toBe('北京市朝阳区');
    expect(maskAddress('')).toBe('');
  });
});

describe('maskPersonalInfo', () => {
  it('dispatches on kind', () => {
    expect(maskPersonalInfo('110101199003071234', 'idNumber')).toBe('110101********1234');
    expect(maskPersonalInfo('13812345678', 'phone')).toBe('138****5678');
    expect(maskPersonalInfo('北京市朝阳区建国路88号', 'address')).toBe('北京市朝阳区****');
  });

  it('rejects an unknown kind and a non-string value', () => {
    expect(() => maskPersonalInfo('x', 'email' as 'phone')).toThrow(/Unknown personal information kind 'email'/);
    expect(() => maskPersonalInfo(13812345678 as unknown as string, 'phone')).toThrow(TypeError);
  });
});

describe('findUnmaskedPersonalInfo', () => {
  it('finds ID numbers and mobile numbers in free text, in order', () => {
    const text =
      '当事人张三，身份证号110101199003071234，联系电话13812345678；' +
      '法定代表人李四（11010119850214123X），手机 139-1234-5678，备用+86 13712345678。';
    expect(findUnmaskedPersonalInfo(text)).toEqual([
      '110101199003071234',
      '13812345678',
      '11010119850214123X',
      '139-1234-5678',
      '+86 13712345678',
    ]);
  });

  it('finds them inside JSON (as a test scanning an API response would)', () => {
    const body = JSON.stringify({
      data: { penalties: [{ partyId: '110101199003071234', tel: '15900001111', uscc: '914403001922038216' }] },
    });
    expect(findUnmaskedPersonalInfo(body)).toEqual(['110101199003071234', '15900001111']);
  });

  it('lists each value once', () => {
    expect(findUnmaskedPersonalInfo('13812345678 / 13812345678')).toEqual(['13812345678']);
  });

  it('does not flag masked values', () => {
    expect(findUnmaskedPersonalInfo('身份证110101********1234 电话138****5678 +86 138-****-5678')).toEqual([]);
  });

  it('does not flag a USCC or other long numbers', () => {
    const text = [
      '统一社会信用代码914403001922038216',
      '统一社会信用代码91110108MA01ABCDE2',
      '账号6222021234567890123', // 19 digits: neither an ID nor a phone
      '订单20240101123456789012',
      '座机010-12345678',
      '12812345678', // second digit 2 is not a mobile prefix
      '编号138123456789', // 12 digits
    ].join('；');
    expect(findUnmaskedPersonalInfo(text)).toEqual([]);
  });

  it('does not take the digits of a hexadecimal identifier (a platform id, a hash) for a number', () => {
    const id = 'a14050318263b2306021978031512360cc8dc4';
    expect(findUnmaskedPersonalInfo(`https://www.cpppc.org:8082/inforpublic/homepage.html#/projectDetail/${id}`)).toEqual([]);
    expect(maskPersonalInfoInText(`项目${id}`)).toBe(`项目${id}`);
    // A shorter run of hex letters and digits is not an identifier: the number in it is still found.
    expect(findUnmaskedPersonalInfo('ab14050318263cd')).toEqual(['14050318263']);
  });

  it('requires a real birth date in an ID number', () => {
    expect(findUnmaskedPersonalInfo('110101199013071234')).toEqual([]); // month 13
    expect(findUnmaskedPersonalInfo('110101199002301234')).toEqual([]); // 30 February
    expect(findUnmaskedPersonalInfo('110101170003071234')).toEqual([]); // year 1700
    expect(findUnmaskedPersonalInfo('110101200002291234')).toEqual(['110101200002291234']); // leap day
    expect(findUnmaskedPersonalInfo('010101199003071234')).toEqual([]); // region cannot start with 0
  });

  it('reports an ID with a wrong check digit: it is still a leak', () => {
    expect(findUnmaskedPersonalInfo('110101199003071239')).toEqual(['110101199003071239']);
  });

  it('finds a lower-case x check character', () => {
    expect(findUnmaskedPersonalInfo('id:11010119850214123x')).toEqual(['11010119850214123x']);
  });
});

describe('maskPersonalInfoInText', () => {
  it('masks every ID and mobile number and leaves the rest', () => {
    const text = '身份证110101199003071234，电话13812345678，代码914403001922038216，手机139-1234-5678';
    const masked = maskPersonalInfoInText(text);
    expect(masked).toBe(
      '身份证110101********1234，电话138****5678，代码914403001922038216，手机139-****-5678',
    );
    expect(findUnmaskedPersonalInfo(masked)).toEqual([]);
  });

  it('is idempotent and leaves text without personal information unchanged', () => {
    const once = maskPersonalInfoInText('+86 13712345678 和 11010119850214123X');
    expect(once).toBe('+86 137****5678 和 110101********123X');
    expect(maskPersonalInfoInText(once)).toBe(once);
    expect(maskPersonalInfoInText('无个人信息 2024-01-01')).toBe('无个人信息 2024-01-01');
  });
});
