import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../../src/config/config';
import { createReviewer } from '../../src/review/reviewer';
import { DEFAULT_REVIEW_RULES } from '../../src/review/rules';
import { loadReviewRules } from '../../src/review/rulesFile';
import { contentHash, type DisclosureRow } from '../../src/sync/normalize';

/** HUB_REVIEW_RULES: the defaults, what a rules file changes, and every mistake it can make. */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-review-rules-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let files = 0;
function rulesFile(content: unknown): string {
  const file = path.join(dir, `rules-${++files}.json`);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const load = (content: unknown) => loadReviewRules({ HUB_REVIEW_RULES: rulesFile(content) });
const byId = (rules: ReturnType<typeof loadReviewRules>, id: string) => rules.find((r) => r.id === id);

/** The mistakes of a refused file, one per line. */
function mistakes(content: unknown): string[] {
  try {
    load(content);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message.split('\n').slice(1).map((line) => line.trim());
  }
  throw new Error('the file was accepted');
}

describe('without a rules file', () => {
  it('the defaults, as a copy the caller may change', () => {
    const rules = loadReviewRules({});
    expect(rules).toEqual(DEFAULT_REVIEW_RULES);
    rules[0].terms?.push('机要');
    rules[0].enabled = false;
    expect(DEFAULT_REVIEW_RULES[0].terms).not.toContain('机要');
    expect(DEFAULT_REVIEW_RULES[0].enabled).toBe(true);
    expect(loadReviewRules({ HUB_REVIEW_RULES: '  ' })).toEqual(DEFAULT_REVIEW_RULES);
  });

  it('hold everything but mobile numbers, which are masked', () => {
    expect(DEFAULT_REVIEW_RULES.map((r) => [r.id, r.detector, r.action])).toEqual([
      ['classification-mark', 'mark', 'hold'],
      ['commercial-secret', 'mark', 'hold'],
      ['id-number', 'id-number', 'hold'],
      ['mobile', 'mobile', 'mask'],
      ['bank-card', 'bank-card', 'hold'],
      ['passport', 'passport', 'hold'],
      ['home-address', 'home-address', 'hold'],
      ['sensitive-word', 'word', 'hold'],
    ]);
  });
});

describe('a rules file', () => {
  const rules = load({
    sensitiveWords: ['征地补偿内部方案'],
    rules: [
      { id: 'mobile', action: 'hold' },
      { id: 'passport', enabled: false },
      { id: 'classification-mark', addTerms: ['机要'] },
      { id: 'project-codename', label: '项目代号 project codename', category: 'sensitive-word', detector: 'word', action: 'hold', terms: ['蓝鲸计划'] },
    ],
  });

  it('changes a default rule’s action, disables one, adds terms and sensitive words, and adds a rule', () => {
    expect(byId(rules, 'mobile')?.action).toBe('hold');
    expect(byId(rules, 'passport')?.enabled).toBe(false);
    expect(byId(rules, 'classification-mark')?.terms).toEqual([...(DEFAULT_REVIEW_RULES[0].terms ?? []), '机要']);
    expect(byId(rules, 'sensitive-word')?.terms).toContain('征地补偿内部方案');
    expect(byId(rules, 'project-codename')).toEqual({
      id: 'project-codename',
      label: '项目代号 project codename',
      category: 'sensitive-word',
      detector: 'word',
      action: 'hold',
      terms: ['蓝鲸计划'],
      enabled: true,
    });
    expect(rules).toHaveLength(DEFAULT_REVIEW_RULES.length + 1);
  });

  it('the reviewer holds on what the file added', () => {
    const row = { title: '关于蓝鲸计划的说明', publisher: null, subject_name: null, parties: [], attributes: {}, search_text: '', stream: 's', source_key: 'k' } as unknown as DisclosureRow;
    const held = createReviewer(rules)({ ...row, content_hash: contentHash(row) });
    expect(held.findings.map((f) => [f.rule, f.field])).toEqual([['project-codename', 'title']]);
  });

  it('replaces a default rule’s terms with terms', () => {
    expect(byId(load({ rules: [{ id: 'sensitive-word', terms: ['只此一词'] }] }), 'sensitive-word')?.terms).toEqual(['只此一词']);
  });
});

describe('a rules file with mistakes is refused with each mistake at its JSON path', () => {
  it('not JSON, or not there', () => {
    expect(() => load('{"rules": [')).toThrow(/HUB_REVIEW_RULES .*rules-\d+\.json could not be read as JSON/);
    expect(() => loadReviewRules({ HUB_REVIEW_RULES: path.join(dir, 'missing.json') })).toThrow(/could not be read as JSON: ENOENT/);
  });

  it('a value outside its list, a setting with a typo, a wrong type, an id that is not an id', () => {
    expect(
      mistakes({
        rules: [{ id: 'mobile', action: 'block' }, { id: 'passport', enabeld: false }, { id: 'Bad Id', label: '', category: 'secret', detector: 'regex', action: 'hold' }],
        sensitiveWords: '请勿外传',
        extra: 1,
      }),
    ).toEqual([
      '$.extra: no such setting; the file has rules and sensitiveWords',
      '$.rules[0].action: "block" is not one of hold, mask',
      '$.rules[1].enabeld: no such setting; a rule has id, label, category, detector, action, terms, addTerms and enabled',
      '$.rules[2].id: "Bad Id" is not an id; use lower-case letters and digits joined by hyphens, e.g. project-codename',
      '$.rules[2].label: must not be empty',
      '$.rules[2].category: "secret" is not one of state-secret, commercial-secret, personal, sensitive-word',
      '$.rules[2].detector: "regex" is not one of mark, word, id-number, mobile, bank-card, passport, home-address',
      '$.sensitiveWords: must be a list',
    ]);
  });

  it('a typo in a default rule’s id, terms for a validated detector, a changed detector, a rule given twice', () => {
    expect(
      mistakes({
        rules: [
          { id: 'pasport', enabled: false },
          { id: 'id-number', terms: ['身份证'] },
          { id: 'mobile', detector: 'word' },
          { id: 'mobile', action: 'hold' },
          { id: 'codenames', label: '代号', category: 'sensitive-word', detector: 'word', action: 'hold' },
        ],
      }),
    ).toEqual([
      '$.rules[0]: "pasport" is not a default rule (classification-mark, commercial-secret, id-number, mobile, bank-card, passport, home-address, sensitive-word), so it adds one, and a new rule needs label, category, detector, action; fix the id to change a default rule, or give the missing settings',
      '$.rules[1].terms: id-number is found by the id-number detector, which validates what it finds and takes no terms; remove them',
      '$.rules[2].detector: the default rule mobile uses the mobile detector, which cannot change; add a rule with a new id for the word detector',
      '$.rules[3].id: "mobile" is already given at $.rules[2]; give each rule once',
      '$.rules[4].terms: a word rule finds the strings it lists; give "terms": ["…"]',
    ]);
  });

  it('sensitive words for a sensitive-word rule the same file disables', () => {
    expect(mistakes({ rules: [{ id: 'sensitive-word', enabled: false }], sensitiveWords: ['请勿外传'] })).toEqual([
      '$.sensitiveWords: the sensitive-word rule is disabled in this file; enable it or remove sensitiveWords',
    ]);
  });
});
