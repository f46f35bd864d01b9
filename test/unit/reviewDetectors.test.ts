import type { DetectorName, ReviewRule } from '../../src/review/contract';
import { passesLuhn } from '../../src/review/checks/luhn';
import { isAllocatedMobileSegment } from '../../src/review/checks/mobileSegments';
import { readResidentId, residentIdCheckCharacter } from '../../src/review/checks/residentId';
import { DETECTOR_FUNCTIONS, DETECTOR_TRIGGERS } from '../../src/review/detectors/registry';
import { DEFAULT_REVIEW_RULES } from '../../src/review/rules';

/**
 * Each detector with what it must find and the look-alikes it must leave: a look-alike is text of
 * the same shape that is not what the rule is about (a wrong check digit, a contract number shaped
 * like a phone, an enterprise's 住所, 内部控制). docs/standards/review.md lists the same cases.
 */

const rule = (id: string): ReviewRule => {
  const found = DEFAULT_REVIEW_RULES.find((r) => r.id === id);
  if (!found) throw new Error(`no default rule ${id}`);
  return found;
};

/**
 * What the default rule `id` finds in `text`, as the found strings. Wherever it finds something,
 * its trigger must match too: the reviewer skips a text no trigger matches.
 */
function found(id: string, text: string): string[] {
  const r = rule(id);
  const spans = DETECTOR_FUNCTIONS[r.detector as DetectorName](text, r);
  if (spans.length > 0) expect([id, text, new RegExp(DETECTOR_TRIGGERS[r.detector](r)).test(text)]).toEqual([id, text, true]);
  return spans.map((s) => text.slice(s.start, s.end));
}

// 萨尔图区, born 1978-03-15, check character 3 (ISO 7064 MOD 11-2).
const ID = '230602197803151233';
const ID_X = '23060319851122004X';

describe('identity numbers (GB 11643)', () => {
  it('the check character is ISO 7064 MOD 11-2, X for 10', () => {
    expect(residentIdCheckCharacter('23060219780315123')).toBe('3');
    expect(residentIdCheckCharacter('23060319851122004')).toBe('X');
  });

  it('finds a valid number in free text, with X or x, whatever stands around it in Chinese', () => {
    expect(found('id-number', `当事人张某（身份证号码${ID}）于2026年2月1日`)).toEqual([ID]);
    expect(found('id-number', `证件号：${ID_X}；`)).toEqual([ID_X]);
    expect(found('id-number', `${ID_X.toLowerCase()}`)).toEqual([ID_X.toLowerCase()]);
    expect(found('id-number', `${ID}，${ID_X}`)).toEqual([ID, ID_X]);
  });

  it.each([
    ['a wrong check digit', '230602197803151236', /check character is 6 but should be 3/],
    ['an impossible birth date (19990230)', '230602199902301232', /19990230 is not a birth date/],
    ['a birth date in the future', '230602209912311238', /20991231 is not a birth date/],
    ['a birth date before 1900', '230602189912311232', /18991231 is not a birth date/],
    ['a prefix no province has', '99060219780315123X', /no province has the prefix 99/],
  ])('leaves a look-alike with %s', (_what, number, reason) => {
    expect(readResidentId(number)).toEqual({ valid: false, reason: expect.stringMatching(reason) });
    expect(found('id-number', `身份证号码${number}`)).toEqual([]);
  });

  it('leaves a valid number that is part of a longer run of letters and digits', () => {
    expect(found('id-number', `账号1${ID}`)).toEqual([]);
    expect(found('id-number', `${ID}7`)).toEqual([]);
    expect(found('id-number', `DQ${ID}`)).toEqual([]);
    expect(found('id-number', `HT-${ID}`)).toEqual([]);
  });

  it('leaves a number labelled as a unified social credit code', () => {
    expect(found('id-number', `统一社会信用代码：${ID}`)).toEqual([]);
  });
});

describe('mobile numbers', () => {
  it('finds 11 digits in an allocated segment, whole, 3-4-4, and with +86 or 0086', () => {
    expect(found('mobile', '联系电话13812345678。')).toEqual(['13812345678']);
    expect(found('mobile', '电话：138 1234 5678')).toEqual(['138 1234 5678']);
    expect(found('mobile', '电话：138-1234-5678')).toEqual(['138-1234-5678']);
    expect(found('mobile', '电话：+86 138 1234 5678')).toEqual(['+86 138 1234 5678']);
    expect(found('mobile', '电话：008619912345678')).toEqual(['008619912345678']);
    expect(found('mobile', '0459-4612345，13812345678/15945678901')).toEqual(['13812345678', '15945678901']);
  });

  it('the allocated segments: 13x, 145–149, 15x but 154, 162, 165–167, 170–178, 18x, 19x but 194', () => {
    expect(['130', '145', '149', '150', '159', '162', '166', '170', '178', '180', '191', '199'].every(isAllocatedMobileSegment)).toBe(true);
    expect(['140', '144', '154', '160', '168', '179', '194', '120'].some(isAllocatedMobileSegment)).toBe(false);
    expect(found('mobile', '号码15412345678')).toEqual([]);
    expect(found('mobile', '号码14012345678')).toEqual([]);
  });

  it.each([
    ['a contract number', '合同编号：13912345678'],
    ['a contract number with 为', '合同号为13912345678'],
    ['a project number with a prefix', '项目编号：DQ-2025-13912345678'],
    ['a number', '编号 13912345678'],
    ['a document number', '文号13912345678'],
    ['an order number', '订单号：13912345678'],
    ['No.', 'No. 13912345678'],
  ])('leaves %s shaped like a phone', (_what, text) => {
    expect(found('mobile', text)).toEqual([]);
  });

  it('leaves a number inside a longer run, a decimal, an amount, and a masked number', () => {
    expect(found('mobile', '账号6213812345678901')).toEqual([]);
    expect(found('mobile', 'HT13912345678')).toEqual([]);
    expect(found('mobile', '91fe736c13812345678b')).toEqual([]);
    expect(found('mobile', '投资13912345678.50')).toEqual([]);
    expect(found('mobile', '总投资15000000000元')).toEqual([]);
    expect(found('mobile', '联系电话138****5678')).toEqual([]);
  });
});

describe('bank card numbers', () => {
  it('Luhn: the check of ISO/IEC 7812', () => {
    expect(passesLuhn('6217001234567893')).toBe(true);
    expect(passesLuhn('6217001234567894')).toBe(false);
    expect(passesLuhn('79927398713')).toBe(true);
  });

  it('finds 16–19 Luhn-valid digits with a card issuer’s prefix, whole or in groups of four', () => {
    expect(found('bank-card', '收款账户：6217001234567893，开户行')).toEqual(['6217001234567893']);
    expect(found('bank-card', '卡号6222021234567890128')).toEqual(['6222021234567890128']);
    expect(found('bank-card', '卡号 6217 0012 3456 7893 。')).toEqual(['6217 0012 3456 7893']);
    expect(found('bank-card', '卡号 6222-0212-3456-7890-128')).toEqual(['6222-0212-3456-7890-128']);
  });

  it.each([
    ['fails Luhn', '卡号6217001234567894'],
    ['has no card issuer’s prefix (a PPP project number)', 'PPP项目2306022016000045'],
    ['is a valid unified social credit code', '622306021000000230'],
    ['is a valid identity number', '620102198805121054'],
    ['is labelled as a contract number', '合同编号：6217001234567893'],
    ['is part of a longer run', 'X6217001234567893'],
    ['is an amount', '6217001234567893元'],
    ['is too long', '62170012345678930000'],
  ])('leaves a number that %s', (_what, text) => {
    expect(found('bank-card', text)).toEqual([]);
  });

  it('an identity number that passes Luhn is the identity-number rule’s', () => {
    expect(passesLuhn('620102198805121054')).toBe(true);
    expect(found('id-number', '620102198805121054')).toEqual(['620102198805121054']);
  });
});

describe('passport numbers', () => {
  it('finds E+8 digits, E+letter+7 digits and G+8 digits next to 护照 or passport', () => {
    expect(found('passport', '护照号码：E12345678')).toEqual(['E12345678']);
    expect(found('passport', '持EA1234567号护照入境')).toEqual(['EA1234567']);
    expect(found('passport', 'Passport No. G12345678')).toEqual(['G12345678']);
  });

  it('leaves the same shapes with no passport near, I or O as the letter, or inside a code', () => {
    expect(found('passport', '产品型号E12345678，出厂日期')).toEqual([]);
    expect(found('passport', '护照号码：EI1234567')).toEqual([]);
    expect(found('passport', '护照号码：E123456789')).toEqual([]);
    expect(found('passport', '护照号码：XE12345678')).toEqual([]);
  });
});

describe('home addresses next to a person', () => {
  it('finds the address after 住, 住址, 家庭住址, 现住, 户籍地 when the text is about a natural person', () => {
    expect(found('home-address', '当事人张某，男，1980年5月12日出生，汉族，住大庆市萨尔图区东风路12号3栋2单元501室。')).toEqual([
      '大庆市萨尔图区东风路12号3栋2单元501室',
    ]);
    expect(found('home-address', '姓名：李某；家庭住址：大庆市让胡路区西宾路8号2单元302室；')).toEqual(['大庆市让胡路区西宾路8号2单元302室']);
    expect(found('home-address', `身份证号码${ID}，现住龙凤区卧里屯街道5栋401室`)).toEqual(['龙凤区卧里屯街道5栋401室']);
    expect(found('home-address', '王某，女，户籍地：肇州县肇州镇团结路36号')).toEqual(['肇州县肇州镇团结路36号']);
  });

  it('leaves an enterprise’s 住所, an address with no person near, and 住房 or 住建 in a name', () => {
    expect(found('home-address', '大庆某某建材有限公司，住所：大庆市萨尔图区东风路12号，法定代表人张某。')).toEqual([]);
    expect(found('home-address', '张某，男，经营者，住所地大庆市萨尔图区东风路12号。')).toEqual([]);
    expect(found('home-address', '项目位于大庆市萨尔图区，施工单位住大庆市萨尔图区东风路12号3栋。')).toEqual([]);
    expect(found('home-address', '大庆市住房和城乡建设局，东风路12号，出生缺陷防治宣传')).toEqual([]);
    expect(found('home-address', '张某，男，住大庆市萨尔图区。')).toEqual([]);
  });
});

describe('classification and internal marks', () => {
  it.each([
    ['standing alone', '机密', '机密'],
    ['at the start of a field', '内部资料 请勿翻印', '内部资料'],
    ['at the start of a field, then a colon', '秘密：关于某项目的报告', '秘密'],
    ['in 【】', '关于某事项的报告【内部】', '内部'],
    ['in （）', '某项目会议纪要（机密）', '机密'],
    ['in []', '[秘密] 2026年第3号', '秘密'],
    ['with ★ and a period in digits', '秘密★1年 关于某事项的通知', '秘密★1年'],
    ['with ★ and a period in words', '关于某事项的通知 机密★五年', '机密★五年'],
    ['with ★ alone', '绝密★', '绝密★'],
    ['as a token between blanks', '文件 涉密 不得复制', '涉密'],
    ['after a 密级 label', '密级：秘密', '秘密'],
    ['declared by a verb', '本文件为内部资料', '内部资料'],
    ['declared: 涉及国家秘密', '该报告涉及国家秘密，', '秘密'],
    ['不宜公开 in brackets', '（不宜公开）项目会议纪要', '不宜公开'],
    ['in brackets, whatever stands before', '会议纪要（不得复制）【内部】', '内部'],
  ])('finds a mark %s', (_where, text, mark) => {
    expect(found('classification-mark', text)).toEqual([mark]);
  });

  it.each([
    ['内部控制', '建立健全内部控制制度'],
    ['内部控制 at the start', '内部控制评价报告'],
    ['公司内部管理', '加强公司内部管理'],
    ['涉密人员培训', '涉密人员培训'],
    ['保守国家秘密', '严格保守国家秘密。'],
    ['不涉及国家秘密', '本项目不涉及国家秘密'],
    ['无涉密内容', '无涉密内容'],
    ['非涉密', '（非涉密）'],
    ['a condition: 涉及国家秘密的除外', '依法公开，涉及国家秘密的除外'],
    ['机密 inside a word', '精密机密封件'],
    ['仅供内部参考 (the sensitive-word rule’s)', '仅供内部参考'],
    ['秘密 of 商业秘密 (the commercial-secret rule’s)', '（商业秘密）'],
  ])('leaves %s', (_what, text) => {
    expect(found('classification-mark', text)).toEqual([]);
  });
});

describe('commercial-secret markers', () => {
  it('finds 商业秘密 and 技术秘密 as marks and declared', () => {
    expect(found('commercial-secret', '（商业秘密）投标报价明细')).toEqual(['商业秘密']);
    expect(found('commercial-secret', '技术秘密 请勿公开')).toEqual(['技术秘密']);
    expect(found('commercial-secret', '本页含商业秘密。')).toEqual(['商业秘密']);
    expect(found('commercial-secret', '附件涉及技术秘密内容')).toEqual(['技术秘密']);
  });

  it('leaves them negated or cited in a sentence', () => {
    expect(found('commercial-secret', '本文件不含商业秘密')).toEqual([]);
    expect(found('commercial-secret', '未涉及技术秘密。')).toEqual([]);
    expect(found('commercial-secret', '当事人侵犯商业秘密，违反《反不正当竞争法》')).toEqual([]);
    expect(found('commercial-secret', '涉及商业秘密的除外')).toEqual([]);
  });
});

describe('sensitive words', () => {
  it('finds every listed word wherever it stands', () => {
    expect(found('sensitive-word', '本材料仅供内部参考，请勿外传。')).toEqual(['仅供内部参考', '请勿外传']);
    expect(found('sensitive-word', '未经批准不得公开')).toEqual(['未经批准不得公开']);
  });

  it('finds a deployment’s own words', () => {
    const custom: ReviewRule = { ...rule('sensitive-word'), terms: ['蓝鲸计划'] };
    expect(DETECTOR_FUNCTIONS.word('关于蓝鲸计划的说明', custom)).toEqual([{ start: 2, end: 6 }]);
  });
});
