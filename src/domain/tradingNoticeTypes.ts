/**
 * The notices a public resource trading platform (公共资源交易平台) publishes for one contracting
 * process (docs/standards/trading-ocds.md), with the OCDS release tag each becomes and the stage
 * of the process once it is out.
 *
 * The codes 01–08 are the sample platform's own (a platform's codes are configuration, not a
 * national standard); names and synonyms are the words platforms write in type fields and titles.
 */

export type NoticeType =
  | 'tender'
  | 'qualification'
  | 'amendment'
  | 'candidates'
  | 'award'
  | 'contract'
  | 'implementation'
  | 'cancellation';

/** Where a contracting process stands; see processStage (tradingStage.ts). */
export type ProcessStageName = 'tender' | 'qualification' | 'award' | 'contract' | 'implementation' | 'cancelled';

/** The OCDS 1.1.5 releaseTag codes trading notices map to. */
export type OcdsReleaseTag =
  | 'tender'
  | 'tenderUpdate'
  | 'tenderAmendment'
  | 'tenderCancellation'
  | 'award'
  | 'contract'
  | 'implementation';

/** OCDS tenderStatus as a notice of this type leaves the tender. */
export type OcdsTenderStatus = 'active' | 'complete' | 'cancelled' | 'unsuccessful';

export interface NoticeTypeInfo {
  type: NoticeType;
  code: string;
  /** Canonical name (docs/standards/trading-ocds.md wording). */
  name: string;
  /** Names platforms write for this type, in type fields and at the end of titles. */
  synonyms: readonly string[];
  ocdsTag: OcdsReleaseTag;
  /** The stage a process is in once this notice is out. */
  stage: ProcessStageName;
  /**
   * Order of stages: a process is in the stage of its highest-ranked notice. An amendment has the
   * tender's rank, so it never advances a process; it marks it amended instead.
   */
  rank: number;
  tenderStatus: OcdsTenderStatus;
}

const CATALOGUE: readonly NoticeTypeInfo[] = [
  {
    type: 'tender',
    code: '01',
    name: '招标/采购公告',
    // 资格预审公告 invites applications to prequalify: it opens a (selective) tender, so it is a tender
    // notice; the results of the review are the qualification type below.
    synonyms: ['招标公告', '采购公告', '公开招标公告', '邀请招标公告', '竞争性谈判公告', '竞争性磋商公告', '询价公告', '询价采购公告', '单一来源采购公示', '资格预审公告', '投标邀请书', '出让公告', '挂牌出让公告', '拍卖出让公告', '拍卖公告', '转让公告', '产权转让公告', '挂牌公告'],
    ocdsTag: 'tender',
    stage: 'tender',
    rank: 1,
    tenderStatus: 'active',
  },
  {
    type: 'qualification',
    code: '02',
    name: '资格预审/资格审查结果',
    synonyms: ['资格预审结果', '资格预审结果公示', '资格预审结果公告', '资格审查结果', '资格审查结果公示', '资格审查结果公告', '资格预审合格通知'],
    ocdsTag: 'tenderUpdate',
    stage: 'qualification',
    rank: 2,
    tenderStatus: 'active',
  },
  {
    type: 'amendment',
    code: '03',
    name: '更正/变更公告',
    synonyms: ['更正公告', '变更公告', '澄清公告', '补充公告', '澄清或修改公告', '答疑澄清公告', '延期公告', '暂停公告', '中止公告', '补遗公告'],
    ocdsTag: 'tenderAmendment',
    stage: 'tender',
    rank: 1,
    tenderStatus: 'active',
  },
  {
    type: 'candidates',
    code: '04',
    name: '中标候选人公示',
    synonyms: ['中标候选人公示', '中标候选人公告', '成交候选人公示', '评标结果公示'],
    // A proposed award in its publicity period: an OCDS award with status "pending".
    ocdsTag: 'award',
    stage: 'award',
    rank: 3,
    tenderStatus: 'complete',
  },
  {
    type: 'award',
    code: '05',
    name: '中标/成交结果公告',
    synonyms: ['中标公告', '中标结果公告', '中标结果公示', '成交公告', '成交结果公告', '成交结果公示', '出让结果公示', '挂牌出让结果公示', '竞得结果公示', '成交确认公告'],
    ocdsTag: 'award',
    stage: 'award',
    rank: 3,
    tenderStatus: 'complete',
  },
  {
    type: 'contract',
    code: '06',
    name: '合同公告',
    synonyms: ['合同公告', '合同公示', '采购合同公告', '合同信息公开', '出让合同公示'],
    ocdsTag: 'contract',
    stage: 'contract',
    rank: 4,
    tenderStatus: 'complete',
  },
  {
    type: 'implementation',
    code: '07',
    name: '履约/验收信息',
    synonyms: ['验收公告', '验收结果公告', '履约验收公告', '履约信息', '履约信息公示', '合同履约信息公开', '验收报告'],
    ocdsTag: 'implementation',
    stage: 'implementation',
    rank: 5,
    tenderStatus: 'complete',
  },
  {
    type: 'cancellation',
    code: '08',
    name: '终止/废标公告',
    synonyms: ['终止公告', '废标公告', '流标公告', '招标失败公告', '采购失败公告', '项目终止公告', '取消公告', '终止挂牌公告'],
    ocdsTag: 'tenderCancellation',
    stage: 'cancelled',
    rank: 6,
    tenderStatus: 'cancelled',
  },
];

export const NOTICE_TYPES: Readonly<Record<NoticeType, NoticeTypeInfo>> = Object.freeze(
  Object.fromEntries(CATALOGUE.map((info) => [info.type, Object.freeze(info)])) as Record<NoticeType, NoticeTypeInfo>,
);

export const NOTICE_TYPE_LIST: readonly NoticeTypeInfo[] = Object.freeze(CATALOGUE.map((info) => NOTICE_TYPES[info.type]));

export function noticeTypeByCode(code: string): NoticeTypeInfo | undefined {
  const wanted = code.trim();
  return NOTICE_TYPE_LIST.find((info) => info.code === wanted);
}

export function noticeTypeInfo(type: NoticeType): NoticeTypeInfo {
  const info = NOTICE_TYPES[type];
  if (!info) {
    throw new Error(`unknown notice type ${JSON.stringify(type)}; expected one of ${NOTICE_TYPE_LIST.map((i) => i.type).join(', ')}`);
  }
  return info;
}

/**
 * Keyword rules for names and titles no synonym ends, in priority order: a cancellation or an
 * amendment names the notice it cancels or corrects (中标结果更正公告, 招标失败公告), and "候选人" and
 * "资格…结果" must win over the plain "结果" of an award.
 */
const KEYWORD_RULES: ReadonlyArray<[NoticeType, RegExp]> = [
  ['cancellation', /终止|废标|流标|失败|取消/],
  ['amendment', /更正|变更|澄清|补充|补遗|修改|延期|暂停|中止|答疑/],
  ['candidates', /候选人|评标结果/],
  ['qualification', /资格(?:预审|审查|后审)?(?:结果|合格)/],
  ['implementation', /验收|履约/],
  ['contract', /合同/],
  ['award', /中标|成交|竞得|结果/],
  ['tender', /招标|采购|磋商|谈判|询价|单一来源|出让|拍卖|挂牌|转让|资格预审|比选|竞价|招租/],
];

/** Words that end a project name in a title; the notice type follows them. */
const PROJECT_NAME_END = /(?:项目|工程|标段|地块|包)(?!.*(?:项目|工程|标段|地块|包))/;

/**
 * The notice type named by a type field or a title, for sources without a type code.
 *
 * Titles are "<project name><notice type>" (大庆市人民医院门诊楼装修改造工程中标候选人公示), and
 * project names may contain notice words themselves (合同能源管理项目招标公告), so: an exact name,
 * else the longest synonym the text ends with, else keyword rules on the part after the project
 * name, else keyword rules on the whole text. Undefined when nothing names a type.
 */
export function classifyNoticeType(titleOrTypeName: string): NoticeTypeInfo | undefined {
  const text = normalizeTitle(titleOrTypeName);
  if (text.length === 0) return undefined;
  const exact = NOTICE_TYPE_LIST.find((info) => info.name === text || info.code === text || info.synonyms.includes(text));
  if (exact) return exact;
  const bySuffix = longestSuffixMatch(text);
  if (bySuffix) return bySuffix;
  const tail = text.split(PROJECT_NAME_END).pop() ?? '';
  return byKeywords(tail) ?? byKeywords(text);
}

/** Half-width, no blanks, and without trailing remarks in brackets such as （第二次） or (项目编号…). */
function normalizeTitle(text: string): string {
  let s = String(text)
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '');
  const trailingRemark = /(?:\([^()]*\)|【[^【】]*】|〔[^〔〕]*〕)$/;
  while (trailingRemark.test(s)) s = s.replace(trailingRemark, '');
  return s;
}

function longestSuffixMatch(text: string): NoticeTypeInfo | undefined {
  let best: { info: NoticeTypeInfo; length: number } | undefined;
  for (const info of NOTICE_TYPE_LIST) {
    for (const synonym of info.synonyms) {
      if (text.endsWith(synonym) && (!best || synonym.length > best.length)) best = { info, length: synonym.length };
    }
  }
  return best?.info;
}

function byKeywords(text: string): NoticeTypeInfo | undefined {
  const rule = KEYWORD_RULES.find(([, pattern]) => pattern.test(text));
  return rule ? NOTICE_TYPES[rule[0]] : undefined;
}

/**
 * OCDS tender status after a notice. A cancellation is "unsuccessful" when the tender failed for
 * want of valid bids (废标, 流标, 失败) and "cancelled" when the buyer ended it (终止, 取消).
 */
export function tenderStatusAfter(type: NoticeType, typeNameOrTitle = ''): OcdsTenderStatus {
  if (type === 'cancellation' && /废标|流标|失败/.test(typeNameOrTitle)) return 'unsuccessful';
  return noticeTypeInfo(type).tenderStatus;
}
