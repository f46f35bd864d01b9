import { escapeRegExp } from './regexp';

/**
 * What stands around a number in free text, for the detectors of personal numbers: whether it is
 * a piece of a longer code, labelled as another kind of number, or a quantity. A number that is
 * any of these is not a person's ID, mobile or card number, however its digits look.
 */

/** A letter or a digit of ASCII: what codes, account numbers and identifiers are made of. */
function isAlnum(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Joiners inside a code (HT-2025-0012, A_01, 1.5): a number glued by one to a letter or digit is part of it. */
const JOINERS = new Set(['-', '_', '.']);

/**
 * Whether text[start, end) stands alone rather than being part of a longer run of letters and
 * digits: 2306021978031512361 (19 digits) holds no 18-digit ID, HT13912345678 no mobile, and
 * DQ-2025-13912345678 or 13912345678.50 neither, since a joiner ties them to the rest of the code.
 */
export function standsAlone(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  if (isAlnum(before) || (JOINERS.has(before) && isAlnum(text[start - 2]))) return false;
  const after = text[end];
  if (isAlnum(after) || (JOINERS.has(after) && isAlnum(text[end + 1]))) return false;
  return true;
}

/**
 * Labels of numbers that are not a person's: a contract, project, document, order or serial
 * number, a code. 合同编号：13912345678 is a contract number that happens to look like a mobile.
 * Listed longest first only for reading; the pattern finds any of them.
 */
const OTHER_NUMBER_LABELS = [
  '合同编号', '合同号', '项目编号', '项目代码', '标段编号', '招标编号', '采购编号', '订单编号', '订单号',
  '流水号', '批次号', '批号', '文号', '编号', '编码', '单号', '序号', '登记号', '注册号',
  '统一社会信用代码', '信用代码', 'No.', 'NO.', 'No．', 'NO．',
];

/**
 * A label just before the number: the label, then separators (：: # 为 是), then perhaps the
 * leading part of the same code (DQHT-2025-), then the number.
 */
const LABELLED = new RegExp(
  `(?:${OTHER_NUMBER_LABELS.map(escapeRegExp).join('|')})[\\s:：#＃]*(?:为|是)?[\\s:：#＃]*[A-Za-z0-9\\-_/]*$`,
);

/** How far before a number its label may start: the longest label, separators and a code prefix. */
const LABEL_REACH = 32;

/** Whether the number starting at `start` is labelled as a number of something else. */
export function labelledAsOtherNumber(text: string, start: number): boolean {
  return LABELLED.test(text.slice(Math.max(0, start - LABEL_REACH), start));
}

/**
 * Units that make a number a quantity: 15000000000元 is an amount, 13912345678号 a serial number,
 * and neither is anyone's phone or card.
 */
const QUANTITY_UNIT = /^\s?(?:元|万|亿|千|百|吨|米|平方|立方|公里|千米|千克|公斤|克|升|度|%|％|个|件|台|套|次|人|户|股|千瓦|号|条|张|份|册|页|天|年|月|日|kW|kWh|kg|km)/;

/** Whether the number ending at `end` is followed by a unit of quantity. */
export function followedByUnit(text: string, end: number): boolean {
  return QUANTITY_UNIT.test(text.slice(end, end + 4));
}
