import type { Detector, Span, Trigger } from './detector';
import { matchesOf } from './scan';

/**
 * Words that introduce where a person lives: 家庭住址, 现住址, 住址, 户籍地, 居住地, and 住 as
 * the verb of a court or penalty document (张某，男，…，住大庆市…). 住 is not a cue in 住房,
 * 住宅, 住建, 住院, 住户, 住宿 — and 住所, the registered seat of an enterprise or other
 * organisation, which is public (it is on every business licence) and must not be held.
 */
const CUE = /家庭住址|家庭地址|现住址|现住|居住地址|居住地|住址|户籍所在地|户籍地址|户籍地|住(?![房宅所建院户宿址持])/g;

/** Between the cue and the address: 住址：, 现住在, 户籍地为. */
const LEAD = /^[\s:：]*(?:于|在|为|是)?[\s:：]*/;

/** Where an address ends at the latest: the end of its clause, or this many characters. */
const CLAUSE_END = /[，,。；;、\n\r|）)】]/;
const MAX_ADDRESS = 60;

/**
 * What makes the text an address of a dwelling rather than a district or a street: a number with
 * 号, 栋, 单元 or 室 (12号, 3栋, 2单元, 501室; 一单元). The address runs to the last of them.
 */
const DWELLING_UNIT = /[0-9０-９一二三四五六七八九十百]+(?:号|栋|单元|室)/g;

/**
 * Signs that the text is about a natural person: a name field, sex, birth, an identity
 * document. An enterprise's text names none of them; a penalty on a person names several.
 */
const PERSON = /姓名|性别|出生|身份证|公民身份号码|(?:^|[，,、\s（(：:])[男女](?=$|[，,、\s）)；;。])/;

/** How far from the cue the signs of a person are looked for. */
const PERSON_BEFORE = 100;
const PERSON_AFTER = 60;

/**
 * Home addresses next to a person: a cue, an address with a dwelling number after it, and a sign
 * of a natural person near it. The span is the address, from after the cue to its last dwelling
 * number (东风路12号3栋2单元501室).
 */
export const homeAddressDetector: Detector = (text) => {
  const spans: Span[] = [];
  for (const cue of matchesOf(CUE, text)) {
    const afterCue = cue.index + cue[0].length;
    const start = afterCue + (LEAD.exec(text.slice(afterCue, afterCue + 8))?.[0].length ?? 0);
    const end = addressEnd(text, start);
    if (end === null) continue;
    const near = text.slice(Math.max(0, cue.index - PERSON_BEFORE), Math.min(text.length, end + PERSON_AFTER));
    if (!PERSON.test(near)) continue;
    if (spans.length > 0 && spans[spans.length - 1].end > start) continue;
    spans.push({ start, end });
  }
  return spans;
};

/** The end of the dwelling address starting at `start`, or null when its clause holds no dwelling number. */
function addressEnd(text: string, start: number): number | null {
  const window = text.slice(start, start + MAX_ADDRESS);
  const clauseEnd = window.search(CLAUSE_END);
  const clause = clauseEnd < 0 ? window : window.slice(0, clauseEnd);
  let end: number | null = null;
  for (const unit of clause.matchAll(DWELLING_UNIT)) end = start + unit.index + unit[0].length;
  return end;
}

/** Every cue has 住 or 户籍. */
export const homeAddressTrigger: Trigger = () => '住|户籍';
