/**
 * Code tables of the 财政部 PPP 综合信息平台项目库 (docs/standards/ppp.md) and their decoding to
 * `{ code, name }`, so the unified record keeps the source's code next to its meaning.
 *
 * The library's API writes codes as strings ("1"); dumps re-serialised by other tools write them
 * as numbers (1). Both mean the same code, so both are accepted and the code is kept as a string.
 */

export interface DecodedCode {
  code: string;
  name: string;
}

export type PppCodeValue = string | number;

export type PppCodeTable = Readonly<Record<string, string>>;

/**
 * Project stage (projState). 1–3 are the library's codes. docs/standards/ppp.md says identification (识别)
 * precedes them and handover (移交) follows but gives no codes: 0 and 4 are our decision, chosen so
 * that the codes keep the stages' order. Treat them as configuration until the platform confirms.
 */
export const PPP_STAGES: PppCodeTable = Object.freeze({
  '0': '识别',
  '1': '准备',
  '2': '采购',
  '3': '执行',
  '4': '移交',
});

/** Operation mode (operateMode, 运作方式). */
export const PPP_OPERATE_MODES: PppCodeTable = Object.freeze({
  '1': 'BOT',
  '2': 'TOT',
  '3': 'ROT',
  '4': 'BOO',
  '5': 'TOT+BOT',
  '6': 'TOT+BOO',
  '7': 'O&M',
  '8': 'MC',
  '9': '其他',
});

/** Return mechanism (returnMode, 回报机制). */
export const PPP_RETURN_MODES: PppCodeTable = Object.freeze({
  '1': '政府付费',
  '2': '使用者付费',
  '3': '可行性缺口补助',
});

/** How the social capital partner is procured (implPlanInfo.socialPurchaseWay, 采购方式). */
export const PPP_PURCHASE_WAYS: PppCodeTable = Object.freeze({
  '1': '公开招标',
  '2': '竞争性谈判',
  '3': '邀请招标',
  '4': '竞争性磋商',
  '5': '单一来源',
});

/** Level of a demonstration listing (exampleList[].exampleLevel, 示范级别). */
export const PPP_EXAMPLE_LEVELS: PppCodeTable = Object.freeze({
  '0': '国家级',
  '1': '省级',
  '2': '市级',
});

/**
 * Whether the project is a demonstration project (example). The library writes 1 for a listed
 * demonstration project and 2 for none ("暂无"), as its public pages show.
 */
export const PPP_EXAMPLE_FLAGS: PppCodeTable = Object.freeze({
  '1': '示范项目',
  '2': '非示范项目',
});

/**
 * Government participation (政府参与方式), which docs/standards/ppp.md asks for but the library's field list
 * does not name: our codes. 1: a government equity representative (政府出资代表) holds a share of
 * the project company; 2: the government takes no equity and takes part by paying or subsidising.
 */
export const PPP_GOV_PARTICIPATION: PppCodeTable = Object.freeze({
  '1': '政府出资代表参股',
  '2': '政府不参股',
});

/**
 * The canonical form of a code as a string: trimmed, and an integer written as a number becomes
 * its digits. Anything else (a fraction, an object) is not a code.
 */
export function canonicalCode(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : undefined;
  if (typeof value === 'string') return value.trim();
  return undefined;
}

/** Decode one code through its table; an unknown code throws, naming the field and what is known. */
export function decodeCode(table: PppCodeTable, value: unknown, field: string): DecodedCode {
  const code = canonicalCode(value);
  const name = code === undefined ? undefined : table[code];
  if (code === undefined || name === undefined) {
    const known = Object.entries(table)
      .map(([c, n]) => `${c} ${n}`)
      .join(', ');
    throw new Error(`${field}: unknown code ${JSON.stringify(value)}; known codes are ${known}`);
  }
  return { code, name };
}

export const decodeStage = (value: unknown): DecodedCode => decodeCode(PPP_STAGES, value, 'projState');
export const decodeOperateMode = (value: unknown): DecodedCode => decodeCode(PPP_OPERATE_MODES, value, 'operateMode');
export const decodeReturnMode = (value: unknown): DecodedCode => decodeCode(PPP_RETURN_MODES, value, 'returnMode');
export const decodePurchaseWay = (value: unknown): DecodedCode =>
  decodeCode(PPP_PURCHASE_WAYS, value, 'implPlanInfo.socialPurchaseWay');
export const decodeExampleLevel = (value: unknown): DecodedCode =>
  decodeCode(PPP_EXAMPLE_LEVELS, value, 'exampleList.exampleLevel');
export const decodeGovParticipation = (value: unknown): DecodedCode =>
  decodeCode(PPP_GOV_PARTICIPATION, value, 'implPlanInfo.govInvestType');
