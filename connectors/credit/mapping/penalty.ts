import {
  canonicalDocumentNumber,
  CREDIT,
  creditDay,
  parseWanYuan,
  penaltyAmountsFromText,
  requireChinaTime,
  splitPenaltyCategories,
  type CodedValue,
  type CreditRecordStatus,
  type DisclosureInput,
  type DisclosureOf,
  type MappingContext,
  type PenaltyAttributes,
  type SpellingTable,
  type ValidityEnd,
} from '../../../src/connectorKit';
import { bodyAttributes, mapAuthority, type BodyFields } from './authority';
import { recordStatus, validityEnd, type Warnings } from './optionalFields';
import { mapParty, type PartyFields } from './party';
import { publicText } from './text';

/**
 * An administrative penalty as both template generations describe it: the 2019 stream and the
 * 2016 export each read their own field names into this, and one mapping makes the disclosure, so
 * the same penalty gets the same unified attributes whichever export it came from.
 */
export interface PenaltyFacts {
  party: PartyFields;
  /** 决定书文号 as written. */
  documentNumber: string;
  /** 处罚决定日期 as written. */
  decisionDate: string;
  /** The source's update time (SJC, CF_SJC) as written. */
  updateTime: string;
  /** 案件名称 (2016 CF_AJMC only). */
  caseName?: string;
  /** 违法行为类型 (2019 CF_WFXW only). */
  violationType?: string;
  facts?: string;
  basis?: string;
  /** 处罚类别 fields, each possibly listing several. */
  categories: Array<string | undefined>;
  /** 处罚内容 (CF_NR) or 处罚结果 (CF_JG): free text, the amounts are read from it when no field has them. */
  content?: string;
  /** 罚款金额 and 没收金额 fields in 万元, as written (2019 only). */
  fine?: string | number;
  confiscation?: string | number;
  /** 暂扣或吊销证照名称及编号. */
  suspendedOrRevokedLicence?: string;
  validUntil?: string;
  publicityUntil?: string;
  authority: BodyFields;
  dataSource: BodyFields;
  remarks?: string;
  /** 当前状态 as written, and the numeric states this generation uses. */
  state?: string;
  stateCodes?: SpellingTable<CreditRecordStatus>;
}

export function penaltyDisclosure(facts: PenaltyFacts, context: MappingContext): DisclosureOf<typeof CREDIT.kinds.penalty> {
  const party = mapParty(facts.party);
  const authority = mapAuthority(facts.authority, context.city);
  const warnings: Warnings = [];
  const documentNumber = canonicalDocumentNumber(facts.documentNumber);
  const categories = splitPenaltyCategories(...facts.categories);
  const attributes: PenaltyAttributes = {
    party: party.attributes,
    decision: { documentNumber, date: creditDay(facts.decisionDate)! },
    caseName: publicText(facts.caseName),
    violationType: publicText(facts.violationType),
    facts: publicText(facts.facts),
    basis: publicText(facts.basis),
    categories,
    content: publicText(facts.content),
    ...amounts(facts, warnings),
    suspendedOrRevokedLicence: publicText(facts.suspendedOrRevokedLicence),
    validUntil: validityEnd(facts.validUntil, 'validUntil', warnings),
    publicityUntil: validityEnd(facts.publicityUntil, 'publicityUntil', warnings),
    authority: authority.attributes,
    dataSource: bodyAttributes(facts.dataSource),
    remarks: publicText(facts.remarks),
    warnings,
  };
  return {
    kind: CREDIT.kinds.penalty,
    title: `${authority.publisher}对${party.subject.name}作出${categoryWords(categories)}处罚（${documentNumber}）`,
    publisher: authority.publisher,
    region: authority.region,
    publishedAt: requireChinaTime(facts.decisionDate, 'decision date'),
    updatedAt: requireChinaTime(facts.updateTime, 'update time'),
    status: recordStatus(facts.state, warnings, facts.stateCodes),
    subject: party.subject,
    parties: [authority.party],
    attributes,
    personal: party.personal,
    searchText: [attributes.caseName, attributes.violationType, attributes.facts, attributes.basis, attributes.content, attributes.remarks],
  };
}

/**
 * The fine and the confiscated amount in 万元: from their own fields when the source has them,
 * else read from the content text. When both say something and disagree (typically 元 written into
 * the 万元 field), the field wins and the disagreement is reported, not hidden.
 */
function amounts(facts: PenaltyFacts, warnings: Warnings): Pick<PenaltyAttributes, 'fine' | 'confiscation'> {
  const fromText = penaltyAmountsFromText(facts.content);
  return {
    fine: amount('fine', parseWanYuan(facts.fine), fromText.fine, warnings),
    confiscation: amount('confiscation', parseWanYuan(facts.confiscation), fromText.confiscation, warnings),
  };
}

function amount(kind: 'fine' | 'confiscation', field: number | undefined, text: number | undefined, warnings: Warnings): number | null {
  const value = field ?? text;
  // The schema cannot see amounts inside free text: a negative one is refused here, at the map stage.
  if (value !== undefined && value < 0) throw new Error(`the ${kind} is negative: ${value} 万元`);
  if (field !== undefined && text !== undefined && field !== text) {
    warnings.push(`the ${kind} field says ${field} 万元 but the penalty content says ${text} 万元`);
  }
  return value ?? null;
}

/** 警告、罚款 — or 行政 when no category is given, so the title still reads "作出行政处罚". */
function categoryWords(categories: CodedValue[]): string {
  return categories.length > 0 ? categories.map((c) => c.name).join('、') : '行政';
}
