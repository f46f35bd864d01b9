import type { FeedOptions, IndexedFeed } from '../kit/feed';
import { maybeMalformed, type Malformation } from '../kit/malformed';
import { random } from '../kit/random';
import { firstIndexAtOrAfter } from '../kit/timeline';
import { interpretationTime, interpretedDocument } from './calendar';
import { documentBase, documentId } from './documents';
import { INTERPRETATIONS_PATH, pageOf } from './paths';

/** 解读形式 of an interpretation published with its document, and how each titles it. */
const OWN_FORMS: ReadonlyArray<{ form: string; weight: number; title: (document: string) => string }> = [
  { form: '文字解读', weight: 0.55, title: (d) => `《${d}》政策解读` },
  { form: '图文解读', weight: 0.25, title: (d) => `一图读懂《${d}》` },
  { form: '专家解读', weight: 0.1, title: (d) => `专家解读《${d}》` },
  { form: '视频解读', weight: 0.1, title: (d) => `视频解读：《${d}》` },
];

/** A follow-up, days after: a press conference or a video. */
const FOLLOW_UP_FORMS = OWN_FORMS.filter((f) => f.form === '视频解读').concat({ form: '新闻发布会', weight: 1, title: (d) => `《${d}》新闻发布会` });

/**
 * The interpretations (政策解读) as the platform exports them, by update time, answering `since`.
 * Each cites its document by the platform's id and by 发文字号 (calendar.ts says which document,
 * and when). The interpreting body is the document's issuer: 谁起草谁解读.
 */
export const policyInterpretationsSample: IndexedFeed = {
  path: INTERPRETATIONS_PATH,
  count: (o) => o.scale,
  firstIndexSince: (since, o) => firstIndexAtOrAfter(since, o.scale, (i) => interpretationTime(i, o.seed)),
  record(index, o) {
    return maybeMalformed(interpretationRecord(index, o), INTERPRETATIONS_PATH, index, o, MALFORMATIONS);
  },
};

export function interpretationRecord(index: number, o: FeedOptions): Record<string, unknown> {
  const r = random(o.seed, INTERPRETATIONS_PATH, index);
  const target = interpretedDocument(index, o.seed);
  const document = documentBase(target, o.seed);
  const forms = target === index ? OWN_FORMS : FOLLOW_UP_FORMS;
  let roll = r.next() * forms.reduce((sum, f) => sum + f.weight, 0);
  const form = forms.find((f) => (roll -= f.weight) < 0) ?? forms[0];
  const published = interpretationTime(index, o.seed);
  const id = `ZCJD${String(index + 1).padStart(8, '0')}`;
  return {
    jdid: id,
    jdbt: form.title(document.wjbt),
    jdxs: form.form,
    jdjg: document.fwjg,
    ssqh: document.ssqh,
    glwjid: documentId(target),
    glwjzh: document.fwzh,
    fbrq: published.toFormat('yyyy-MM-dd'),
    gxsj: published.toFormat('yyyy-MM-dd HH:mm:ss'),
    ljdz: pageOf('zcjd', id),
  };
}

/** How interpretation exports go wrong: the document it belongs to not filled in, an empty form, a bad date. */
const MALFORMATIONS: readonly Malformation[] = [
  (bad) => void delete bad.glwjid,
  (bad) => void (bad.jdxs = ''),
  (bad) => void (bad.fbrq = `${String(bad.fbrq).slice(0, 4)}-13-01`),
];
