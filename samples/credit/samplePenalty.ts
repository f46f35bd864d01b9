import type { DateTime } from 'luxon';
import type { Random } from '../kit/random';
import { authority, pickAuthority, type Authority, type Era } from './authorities';
import { toCapitalNumeral } from './chineseNumerals';
import { enterprisesIn } from './holders';
import { sampleHolder, samplePerson, type SampleParty } from './parties';
import { VIOLATION_CASES, type ViolationCase } from './penaltyCases';

/** Share of penalties on natural persons (street vendors, open burning, dumping …). */
const PERSON_SHARE = 0.12;

/**
 * One administrative penalty, independent of the export that writes it: the 2019 stream and the
 * 2016 export each write it in their own field names.
 */
export interface SamplePenalty {
  party: SampleParty;
  violation: ViolationCase;
  authority: Authority;
  dataSource: Authority;
  documentNumber: string;
  decided: DateTime;
  facts: string;
  fineYuan?: number;
  confiscationYuan?: number;
  /** 暂扣或吊销证照名称及编号. */
  revokedLicence?: string;
}

/**
 * `onPerson`: a decision on a natural person whatever the draw, whose facts the caller opens with
 * the 当事人 paragraph itself (a planted review case, samples/review), so none is pasted here.
 */
export function samplePenalty(r: Random, seed: number, index: number, updated: DateTime, era: Era = 'current', onPerson = false): SamplePenalty {
  const toPerson = r.chance(PERSON_SHARE) || onPerson;
  const violation = r.pick(VIOLATION_CASES.filter((v) => (toPerson ? v.forPersons : enterprisesIn(seed, v.offenders).length > 0)));
  // An enterprise the violation fits: a dust fine to a builder, an expired-food fine to a shop.
  const party = toPerson ? samplePerson(r, seed) : sampleHolder(r, seed, violation.offenders)!;
  const decided = updated.minus({ days: r.int(0, 6) }).startOf('day');
  const deciding = pickAuthority(r, violation.department, party.district, violation.districtShare, era);
  return {
    party,
    violation,
    authority: deciding,
    // The deciding body reports its own decisions, except where the city's credit office collected them.
    dataSource: r.chance(0.85) ? deciding : authority('development', undefined, era),
    documentNumber: documentNumber(r, deciding, decided.year, index),
    decided,
    facts: withPastedIdentity(r, party, violation.facts(r, { party, found: decided.minus({ days: r.int(10, 60) }) }), !onPerson),
    fineYuan: violation.fine && amount(r, violation.fine),
    confiscationYuan: violation.confiscation && amount(r, violation.confiscation),
    revokedLicence: violation.revokes && party.kind === 'organisation' ? revoked(violation.revokes, party, index) : undefined,
  };
}

/** 暂扣或吊销证照名称及编号: the licence and its number, e.g. 食品经营许可证（JY12306020000123）. */
function revoked(licence: string, party: SampleParty, index: number): string {
  const caterer = party.kind === 'organisation' && ['餐饮服务', '餐饮管理'].includes(party.enterprise.industry);
  return `${licence}（JY${caterer ? 2 : 1}${party.district.code}${String(index).padStart(7, '0')}）`;
}

/** 庆市监罚〔2025〕123号; some systems write [2026] or （2026）. Numbers run with the index, so never repeat. */
function documentNumber(r: Random, deciding: Authority, year: number, index: number): string {
  const roll = r.next();
  const bracketed = roll < 0.9 ? `〔${year}〕` : roll < 0.95 ? `[${year}]` : `（${year}）`;
  return `${deciding.prefix}罚${bracketed}${index + 1}号`;
}

/** Fines are set in whole hundreds of 元 (small ones in tens). */
function amount(r: Random, [min, max]: [number, number]): number {
  const step = max <= 1000 ? 10 : 100;
  return r.int(min / step, max / step) * step;
}

/**
 * Clerks sometimes paste a person's ID and phone number into the facts; the hub must mask them.
 * One in twenty penalties on a natural person carries them.
 */
function withPastedIdentity(r: Random, party: SampleParty, facts: string, allowed: boolean): string {
  if (party.kind !== 'person' || !r.chance(0.05) || !allowed) return facts;
  const { name, idNumber, phone } = party.person;
  return `当事人${name}（身份证号码${idNumber}，联系电话${phone}）。${facts}`;
}

/**
 * 处罚内容 / 处罚结果 as decisions word it: "没收违法所得人民币1200元，并处罚款人民币20000元".
 * Amounts in Arabic numerals, or in capital numerals as on the decision itself.
 */
export function penaltyContent(p: SamplePenalty, numerals: 'arabic' | 'capital'): string {
  const money = (yuan: number) => (numerals === 'capital' ? `${toCapitalNumeral(yuan)}元` : `${yuan}元`);
  const parts = p.violation.categories.map((category): string => {
    if (category === '没收违法所得') return p.confiscationYuan ? `没收违法所得人民币${money(p.confiscationYuan)}` : category;
    if (category === '没收非法财物') return '没收用于违法经营的工具、设备、原料等物品';
    if (category === '罚款') return p.fineYuan ? `罚款人民币${money(p.fineYuan)}` : category;
    if (category === '吊销许可证') return `吊销${p.violation.revokes}`;
    return category;
  });
  return parts.map((part, i) => (i > 0 && part.startsWith('罚款') ? `并处${part}` : part)).join('，');
}
