import { DEFAULT_CITY } from '../../src/config/city';
import { gb11714CheckCharacter, usccCheckCharacter, validateUscc } from '../../src/domain/uscc';
import { checkUscc } from '../../src/domain/usccCheck';
import { REGISTRATION_AUTHORITIES } from '../../src/domain/usccCodeTables';

/** A code with the right check character: whatever else is wrong with it, the arithmetic is right. */
const withCheck = (first17: string) => first17 + usccCheckCharacter(first17);
const check = (code: string) => checkUscc(code, DEFAULT_CITY);
const kinds = (code: string) => check(code).problems.map((p) => p.kind);

/** 萨尔图区's enterprise with a GB 11714-correct organisation code, so no note but the ones a test is about. */
const SARTU = withCheck('91230602192203821');

describe('usccCheck: why a code is wrong, for a person', () => {
  test('a valid code of the city: its parts named, no problem, no note', () => {
    expect(check(SARTU)).toMatchObject({
      valid: true,
      normalized: SARTU,
      expectedCheck: SARTU[17],
      reason: null,
      problems: [],
      notes: [],
      parts: {
        registrationAuthority: { code: '9', name: '工商（市场监管）' },
        entityCategory: { code: '1', name: '企业' },
        division: { code: '230602', name: '萨尔图区', scope: 'city' },
        organisationCode: '192203821',
      },
    });
  });

  test('a wrong check character names the expected one, in both languages', () => {
    const wrong = SARTU.slice(0, 17) + (SARTU[17] === '0' ? '1' : '0');
    const result = check(wrong);
    expect(result.valid).toBe(false);
    expect(result.expectedCheck).toBe(SARTU[17]);
    expect(result.problems).toEqual([
      expect.objectContaining({ kind: 'check-character', position: 18, found: wrong[17], expected: SARTU[17] }),
    ]);
    // The same words the hub stores for a flagged record.
    expect(result.reason).toBe(validateUscc(wrong).reason);
    expect(result.problems[0].messageZh).toBe(`第 18 位校验码是“${wrong[17]}”，按前 17 位计算应为“${SARTU[17]}”。`);
  });

  test('wrong length and characters not allowed, with their positions; a look-alike letter suggests its digit', () => {
    expect(check('91230602').problems).toEqual([expect.objectContaining({ kind: 'length', found: '8', expected: '18' })]);
    expect(check('91230602').problems[0].messageZh).toBe('统一社会信用代码应为 18 位，当前为 8 位。');
    const withO = SARTU.slice(0, 12) + 'O' + SARTU.slice(13);
    expect(check(withO).problems).toEqual([expect.objectContaining({ kind: 'character', position: 13, found: 'O', expected: '0' })]);
    expect(check(withO).problems[0].messageZh).toContain('是否应为数字“0”');
    expect(check(withO).expectedCheck).toBeNull();
    // Length and characters together; a Chinese character is a character too.
    expect(kinds('9123060企业')).toEqual(['length', 'character', 'character']);
    expect(check('')).toMatchObject({ valid: false, problems: [expect.objectContaining({ kind: 'empty' })] });
  });

  test('a registration authority or an entity category that does not exist', () => {
    const unknownAuthority = withCheck('B1230602192203821');
    expect(check(unknownAuthority).problems).toEqual([expect.objectContaining({ kind: 'registration-authority', position: 1, found: 'B' })]);
    expect(check(unknownAuthority).parts?.registrationAuthority).toEqual({ code: 'B', name: null });
    // The arithmetic alone (what stored records are linked on) finds nothing wrong.
    expect(validateUscc(unknownAuthority).valid).toBe(true);

    const unknownCategory = withCheck('97230602192203821');
    const [problem] = check(unknownCategory).problems;
    expect(problem).toMatchObject({ kind: 'entity-category', position: 2, found: '7' });
    expect(problem.messageZh).toContain('1 企业、2 个体工商户、3 农民专业合作社');
    // Every category of every authority in the table is accepted.
    for (const [authority, { categories }] of Object.entries(REGISTRATION_AUTHORITIES)) {
      for (const category of Object.keys(categories)) expect([authority + category, kinds(withCheck(`${authority}${category}230602192203821`))]).toEqual([authority + category, []]);
    }
  });

  test('a division in no province is a problem; another province is allowed and said; an unlisted code of the city is noted', () => {
    expect(check(withCheck('91990602192203821')).problems).toEqual([expect.objectContaining({ kind: 'division', position: 3, found: '990602' })]);
    expect(check(withCheck('91990602192203821')).problems[0].messageZh).toMatch(/不在任何已知的行政区划内/);

    const elsewhere = check(withCheck('91440300192203821'));
    expect(elsewhere.valid).toBe(true);
    expect(elsewhere.notes).toEqual([expect.objectContaining({ kind: 'other-province', found: '440300' })]);
    expect(elsewhere.notes[0].messageZh).toContain('这是允许的');

    const inProvince = check(withCheck('91230102192203821'));
    expect(inProvince).toMatchObject({ valid: true, notes: [], parts: { division: { scope: 'province', within: '哈尔滨市' } } });

    const unlisted = check(withCheck('91230671192203821'));
    expect(unlisted).toMatchObject({ valid: true, parts: { division: { scope: 'city', name: null, within: '大庆市' } } });
    expect(unlisted.notes).toEqual([expect.objectContaining({ kind: 'unlisted-division' })]);

    expect(check(withCheck('11100000192203821')).notes).toEqual([expect.objectContaining({ kind: 'national' })]);
  });

  test('several problems are all reported, in position order, and the reason joins them', () => {
    const code = 'B1990602192203821' + (usccCheckCharacter('B1990602192203821') === '0' ? '1' : '0');
    const result = check(code);
    expect(result.problems.map((p) => p.kind)).toEqual(['registration-authority', 'division', 'check-character']);
    expect(result.reason).toBe(result.problems.map((p) => p.message).join('; '));
  });

  test('normalisation applied is noted: blanks around, full width, lower case; a blank inside is a problem', () => {
    const lettered = withCheck(`91230602MA1234AB${gb11714CheckCharacter('MA1234AB')}`);
    const typed = `\u3000${lettered.slice(0, 10).toLowerCase().replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))}${lettered.slice(10)} `;
    const result = check(typed);
    expect(result).toMatchObject({ valid: true, normalized: lettered });
    expect(result.notes.map((n) => n.kind)).toEqual(['surrounding-blanks', 'full-width', 'lower-case']);
    expect(check(`${SARTU.slice(0, 6)} ${SARTU.slice(6)}`).problems).toEqual([expect.objectContaining({ kind: 'blank-inside', position: 7 })]);
  });

  test('a placeholder is said to be one, and its structure is not picked apart', () => {
    expect(check('00000000000000000X')).toMatchObject({ valid: false, parts: null, problems: [expect.objectContaining({ kind: 'placeholder' })] });
  });

  test('a failed GB 11714 check is a note, never a problem', () => {
    const body = '91230602192203822'; // the organisation code's own check says 1
    const result = check(withCheck(body));
    expect(result.valid).toBe(true);
    expect(result.notes).toEqual([expect.objectContaining({ kind: 'organisation-code', position: 17, found: '2', expected: '1' })]);
  });
});
