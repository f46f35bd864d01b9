import type { ReviewRule } from './contract';

/**
 * The rules a deployment has without a rules file (HUB_REVIEW_RULES extends them, rulesFile.ts).
 * What each finds and how it validates: docs/standards/review.md.
 *
 * Everything is held for a reviewer except mobile numbers, which are masked where they stand:
 * docs/standards/privacy.md already masks every mobile a feed carries in its known fields, so
 * one more in a free text needs no decision. An ID number, a bank card, a passport or a home
 * address in a text is a clerk's mistake someone should see.
 */
export const DEFAULT_REVIEW_RULES: readonly ReviewRule[] = frozen([
    {
      id: 'classification-mark',
      label: '密级和内部标志 classification or internal mark',
      category: 'state-secret',
      detector: 'mark',
      action: 'hold',
      terms: ['绝密', '机密', '秘密', '涉密', '内部资料', '内部', '不宜公开'],
      enabled: true,
    },
    {
      id: 'commercial-secret',
      label: '商业秘密标志 commercial-secret marker',
      category: 'commercial-secret',
      detector: 'mark',
      action: 'hold',
      terms: ['商业秘密', '技术秘密'],
      enabled: true,
    },
    { id: 'id-number', label: '身份证号码 identity number', category: 'personal', detector: 'id-number', action: 'hold', enabled: true },
    { id: 'mobile', label: '手机号码 mobile number', category: 'personal', detector: 'mobile', action: 'mask', enabled: true },
    { id: 'bank-card', label: '银行卡号 bank card number', category: 'personal', detector: 'bank-card', action: 'hold', enabled: true },
    { id: 'passport', label: '护照号码 passport number', category: 'personal', detector: 'passport', action: 'hold', enabled: true },
    { id: 'home-address', label: '家庭住址 home address', category: 'personal', detector: 'home-address', action: 'hold', enabled: true },
    {
      id: 'sensitive-word',
      label: '敏感词 sensitive word',
      category: 'sensitive-word',
      detector: 'word',
      action: 'hold',
      terms: ['仅供内部参考', '内部传阅', '请勿外传', '不得外传', '未经批准不得公开'],
      enabled: true,
    },
]);

/** The defaults cannot be changed in place by a caller: a rules file derives new rules from them. */
function frozen(rules: ReviewRule[]): readonly ReviewRule[] {
  for (const rule of rules) {
    if (rule.terms) Object.freeze(rule.terms);
    Object.freeze(rule);
  }
  return Object.freeze(rules);
}
