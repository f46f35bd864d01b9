import { Type, type Static } from '@sinclair/typebox';
import { isoDate, orNull } from './attributeShapes';
import { domainContract } from './domainContract';
import { STATUS } from './status';

const dateOrNull = (description: string) => orNull(isoDate(), { description });

/**
 * The kinds of document the annual report's 第二十条第（一）项 counts. Other documents (a notice,
 * a work plan) are `其他文件`: published, interpreted and searched like the rest, counted in neither.
 */
export const POLICY_DOCUMENT_TYPES = { regulation: '规章', normative: '行政规范性文件', other: '其他文件' } as const;

/** 政策文件 (docs/standards/policy.md): one document, with its number, type and whether it is in force. */
export const PolicyDocumentShape = Type.Object({
  /** 发文字号, e.g. 庆政规〔2026〕3号; null for a document published without one. */
  documentNumber: orNull(Type.String({ minLength: 1 })),
  documentType: Type.Union(Object.values(POLICY_DOCUMENT_TYPES).map((t) => Type.Literal(t)), {
    description: `one of ${Object.values(POLICY_DOCUMENT_TYPES).join(', ')}`,
  }),
  /** 成文日期 and 废止日期, as YYYY-MM-DD. */
  signedOn: dateOrNull('成文日期 as YYYY-MM-DD, or null'),
  abolishedOn: dateOrNull('废止日期 as YYYY-MM-DD, or null while in force'),
});
export type PolicyDocumentAttributes = Static<typeof PolicyDocumentShape>;

/** 政策解读: an interpretation of one document, linked to it (`interprets`). */
export const PolicyInterpretationShape = Type.Object({
  /** 解读形式: 文字解读, 图文解读, 视频解读, 新闻发布会 … */
  form: Type.String({ minLength: 1 }),
  /** The interpreted document's number, as the interpretation cites it. */
  documentNumber: orNull(Type.String({ minLength: 1 })),
});
export type PolicyInterpretationAttributes = Static<typeof PolicyInterpretationShape>;

/** The relation an interpretation's link to its document carries. */
export const INTERPRETS = 'interprets';

/**
 * Policy documents and their interpretations (政策文件与解读). The plan asks that a document and
 * its interpretation be released together: an interpretation is linked to its document, and the
 * share interpreted and the days between are a query (policyInterpretationCoverage).
 */
export const POLICY = domainContract({
  domain: 'POLICY',
  kinds: { document: 'policy-document', interpretation: 'policy-interpretation' },
  statuses: [STATUS.published, STATUS.amended, STATUS.revoked, STATUS.expired],
  roles: { drafter: 'drafting-department' },
  attributeShapes: { 'policy-document': PolicyDocumentShape, 'policy-interpretation': PolicyInterpretationShape },
});
