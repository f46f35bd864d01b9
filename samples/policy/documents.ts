import type { FeedOptions, IndexedFeed } from '../kit/feed';
import { maybeMalformed, type Malformation } from '../kit/malformed';
import { random, type Random } from '../kit/random';
import { firstIndexAtOrAfter } from '../kit/timeline';
import { documentAt, documentTime, documentUpdateTime, abolitionTime } from './calendar';
import { pickIssuer, type Issuer, type Subject } from './issuers';
import { DOCUMENTS_PATH, pageOf } from './paths';

const DATE = 'yyyy-MM-dd';
const DATE_TIME = 'yyyy-MM-dd HH:mm:ss';

/** The document's fields that no edition changes: what its interpretations cite. */
export interface DocumentBase {
  wjid: string;
  wjbt: string;
  fwjg: string;
  fwzh: string | null;
  cwrq: string;
  fbrq: string;
  wjlx: '规章' | '规范性文件' | '其他文件';
  ztfl: string;
  zy: string;
  ssqh: string;
}

/** The platform's own id of document d: stable across editions, and what interpretations cite. */
export const documentId = (document: number) => `ZCWJ${String(document + 1).padStart(8, '0')}`;

const ACTIONS = ['进一步加强', '做好', '深入开展', '扎实推进'] as const;

/**
 * Document d as first published. Its type decides its title and number: a 规章 is published as
 * 大庆市人民政府令 under the rule's own name; a normative document (规范性文件) is a notice that
 * issues measures, numbered `<prefix>规〔year〕n号`; another document is numbered `<prefix>发〔year〕n号`,
 * or has no number (a letter, a notice of the office) now and then.
 */
export function documentBase(document: number, seed: number): DocumentBase {
  const r = random(seed, DOCUMENTS_PATH, document);
  const issuer = pickIssuer(r);
  const subject = r.pick(issuer.subjects);
  const type = documentType(r, issuer);
  const published = documentTime(document, seed);
  const year = published.year;
  const sequence = document - firstDocumentOfYear(document, seed) + 1;
  const place = issuer.division === '大庆市' ? '大庆市' : issuer.division;
  const measures = `${place}${subject.name}${r.pick(['办法', '实施细则', '若干措施'])}`;
  const base = { wjid: documentId(document), fwjg: issuer.name, cwrq: published.minus({ days: r.int(2, 15) }).toFormat(DATE), fbrq: published.toFormat(DATE), ztfl: subject.topic, ssqh: issuer.division };
  if (type === '规章') {
    return { ...base, wjbt: `大庆市${subject.name}办法`, fwzh: `大庆市人民政府令第${sequence}号`, wjlx: type, zy: summary(subject, '办法') };
  }
  if (type === '规范性文件') {
    return { ...base, wjbt: `${issuer.name}关于印发${measures}的通知`, fwzh: `${issuer.prefix}规〔${year}〕${sequence}号`, wjlx: type, zy: summary(subject, measures.slice(-2)) };
  }
  const action = r.pick(ACTIONS);
  return {
    ...base,
    wjbt: `${issuer.name}关于${action}${subject.name}工作的通知`,
    fwzh: r.chance(0.15) ? null : `${issuer.prefix}发〔${year}〕${sequence}号`,
    wjlx: type,
    zy: `为${action}${subject.name}工作，根据${subject.basis}有关规定，现就有关事项通知如下：${subject.gist}。请各地各部门结合实际认真贯彻落实。`,
  };
}

function documentType(r: Random, issuer: Issuer): DocumentBase['wjlx'] {
  const roll = r.next();
  if (issuer.makesRegulations && roll < 0.1) return '规章';
  return roll < 0.45 ? '规范性文件' : '其他文件';
}

function summary(subject: Subject, form: string): string {
  return `为规范${subject.name}工作，根据${subject.basis}等有关规定，结合我市实际，制定本${form}。本${form}${subject.gist}。`;
}

/** The first document published in document d's year: numbers restart each year. */
function firstDocumentOfYear(document: number, seed: number): number {
  const year = documentTime(document, seed).year;
  return firstIndexAtOrAfter(`${year}-01-01 00:00:00`, document + 1, (d) => documentTime(d, seed));
}

/**
 * The documents as the platform exports them, by update time, answering `since`. A later edition
 * abolishes some (sxzt 废止 with a 废止日期), which lists them again at the end (calendar.ts).
 * Malformation follows the document, not its position, as documents move between editions.
 */
export const policyDocumentsSample: IndexedFeed = {
  path: DOCUMENTS_PATH,
  count: (o) => o.scale,
  firstIndexSince: (since, o) => firstIndexAtOrAfter(since, o.scale, (position) => documentUpdateTime(documentAt(position, o), o)),
  record(position, o) {
    const document = documentAt(position, o);
    return maybeMalformed(documentRecord(document, o), DOCUMENTS_PATH, document, o, MALFORMATIONS);
  },
};

/** Document d as an edition lists it, before any malformation. */
export function documentRecord(document: number, o: FeedOptions): Record<string, unknown> {
  const abolished = abolitionTime(document, o);
  return {
    ...documentBase(document, o.seed),
    sxzt: abolished ? '废止' : '有效',
    fzrq: abolished ? abolished.toFormat(DATE) : null,
    gxsj: documentUpdateTime(document, o).toFormat(DATE_TIME),
    ljdz: pageOf('zcwj', documentId(document)),
  };
}

/** How the platform's exports go wrong: a field left empty, a date that does not exist, a type typed by hand. */
const MALFORMATIONS: readonly Malformation[] = [
  (bad) => void delete bad.wjbt,
  (bad) => void (bad.fbrq = `${String(bad.fbrq).slice(0, 4)}-02-30`),
  (bad) => void (bad.wjlx = '通知'),
  // Marked abolished without the date it was.
  (bad) => {
    bad.sxzt = '废止';
    bad.fzrq = null;
  },
  (bad) => void (bad.fwjg = ''),
];
