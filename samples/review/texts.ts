import type { Person } from '../kit/population';
import type { Random } from '../kit/random';
import {
  publicAccountFailingLuhn,
  debitCard,
  filingNumberWithWrongCheckDigit,
  mobileShapedContractNumber,
  numberWithImpossibleBirthDate,
  passportNumber,
} from './numbers';

/**
 * The planted passages, written the way clerks in 大庆市's offices really let such things into a
 * published record: the 当事人 paragraph of a penalty decision copied whole (sex, birth date, home
 * address), a classification mark carried over from an internal case report, a personal card the
 * money went through, a PPP file copied from the implementation plan with its commercial terms. Each
 * returns the passage and the span the review must find in it (`value`), so a test can check that
 * the finding is that span.
 */
export interface Planted {
  text: string;
  /** The part the review must find (a catch) or must leave alone (a look-alike). */
  value: string;
}

/**
 * Given names the sample population draws that are a woman's (kit/population.ts GIVEN); the
 * others are a man's or either's. The decision states the sex its party's name suggests, since a
 * paragraph that calls 徐芳 男 reads as made up.
 */
const WOMENS_NAMES = new Set(['芳', '娜', '敏', '静', '丽', '艳', '娟', '秀英', '海燕', '春梅', '红霞', '雨萱']);

/** 男 or 女 (by the given name, else the ID number's 17th digit), and the birth date the ID number carries (1978年3月15日). */
export function personalDetails(person: Person): { sex: string; born: string } {
  const id = person.idNumber;
  const given = person.name.slice(1);
  // 华 is either's: the ID number's sex digit (odd for a man) decides.
  const sex = WOMENS_NAMES.has(given) || (given === '华' && Number(id[16]) % 2 === 0) ? '女' : '男';
  return { sex, born: `${Number(id.slice(6, 10))}年${Number(id.slice(10, 12))}月${Number(id.slice(12, 14))}日` };
}

/**
 * A classification mark at the head of a field: the internal case report's 密级 and 保密期限
 * (秘密★1年) or its 内部 stamp, pasted with the text below it.
 */
export function markedHead(r: Random): Planted {
  const mark = r.pick(['秘密★1年', '秘密★一年', '【内部】', '内部资料']);
  return { text: `${mark} `, value: mark.replace(/[【】]/g, '') };
}

/** The 当事人 paragraph of a decision on a natural person, with the home address it always gives. */
export function homeAddressParagraph(person: Person, r: Random): Planted {
  const { sex, born } = personalDetails(person);
  const label = r.pick(['住', '住址：', '家庭住址：', '现住']);
  return { text: `当事人${person.name}，${sex}，${born}出生，${label}${person.homeAddress}。`, value: person.homeAddress };
}

/** The 当事人 paragraph of a decision on an overseas Chinese (华侨), who is identified by passport. */
export function passportParagraph(person: Person, r: Random): Planted {
  const { sex, born } = personalDetails(person);
  const passport = passportNumber(r);
  return { text: `当事人${person.name}，${sex}，${born}出生，华侨，护照号码${passport}。`, value: passport };
}

/** Where the money went: a person's own card, or the legal representative's when a business collects through it (私户收款). */
export function personalCardSentence(holder: string, ownCard: boolean, r: Random): Planted {
  const card = debitCard(r);
  const whose = ownCard ? '其本人' : `其法定代表人${holder}`;
  return { text: `当事人通过${whose}名下银行卡（${card.bank}，卡号${card.number}）收取经营款项${r.int(20, 600) * 100}元。`, value: card.number };
}

/** An investigator's note that part of the file is the party's commercial or technical secret. */
export function commercialSecretSentence(r: Random): Planted {
  const marker = r.pick(['商业秘密', '技术秘密']);
  const what = r.pick(['原料配比及生产工艺参数', '客户名单及供货价格', '产品配方及检验数据']);
  return { text: `当事人提交的${what}（${marker}）附卷备查。`, value: marker };
}

/** Look-alike: the number of the 非税收入 payment slip the fine was paid with, 18 digits whose "birth date" cannot be. */
export function paymentSlipRemark(division: string, r: Random): Planted {
  const number = numberWithImpossibleBirthDate(division, r);
  return { text: `罚没款已缴入国库，非税收入缴款书编号${number}。`, value: number };
}

/** Look-alike: the 非税收入 collection account the fine is paid into, of a card's length and first digits, failing Luhn. */
export function collectionAccountSentence(authority: string, r: Random): Planted {
  const account = publicAccountFailingLuhn(r);
  return { text: `罚没款缴入${authority}指定的非税收入汇缴账户（${account.bank}，账号${account.number}）。`, value: account.number };
}

/** A trading notice's transferee who is a natural person, as clerks write one in a 产权交易 成交公告: with the ID number. */
export function transfereeWithIdNumber(person: Person): Planted {
  return { text: `${person.name}（身份证号码：${person.idNumber}）`, value: person.idNumber };
}

/** … or, for an overseas Chinese buyer, with the passport number. */
export function transfereeWithPassport(person: Person, r: Random): Planted {
  const passport = passportNumber(r);
  return { text: `${person.name}（华侨，护照号码：${passport}）`, value: passport };
}

/** Look-alike: an amendment filed with the finance bureau under a division-date-sequence number (备案编号). */
export function filingSentence(division: string, yyyymmdd: string, r: Random): Planted {
  const number = filingNumberWithWrongCheckDigit(division, yyyymmdd, r);
  return { text: `，更正后的采购文件已报财政部门备案（备案编号：${number}）`, value: number };
}

/** A PPP overview pasted with the head of the internal memo it was copied from. */
export function markedMemoHead(r: Random): Planted {
  const mark = r.pick(['内部资料', '【内部】', '秘密★1年']);
  return { text: `${mark} `, value: mark.replace(/[【】]/g, '') };
}

/** A PPP overview that goes on into the partner's bid: its price build-up, marked as its commercial secret. */
export function bidBreakdownSentence(r: Random): Planted {
  const rate = (4 + r.next() * 1.5).toFixed(2);
  const profit = (5 + r.next() * 3).toFixed(1);
  return {
    text: `社会资本方投标报价构成（商业秘密）：建设期融资利率${rate}%，合理利润率${profit}%，年度运营维护费${r.int(300, 3000)}万元。`,
    value: '商业秘密',
  };
}

/** A PPP overview that records who advanced the preparation costs, down to the clerk's own card. */
export function advancedCostsSentence(clerk: Person, r: Random): Planted {
  const card = debitCard(r);
  return {
    text: `项目前期费用${r.int(20, 300)}万元由实施机构经办人${clerk.name}垫付，已报销至其个人银行卡（${card.bank}，卡号${card.number}）。`,
    value: card.number,
  };
}

/** Look-alike: the consultancy contract for the implementation plan, numbered by series and signing day. */
export function consultancyContractSentence(signedOn: { compact: string; written: string }, r: Random): Planted {
  const number = mobileShapedContractNumber(signedOn.compact, r);
  return { text: `项目实施方案编制咨询服务合同（合同编号：${number}）于${signedOn.written}签订。`, value: number };
}
