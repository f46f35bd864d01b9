/**
 * The trades a public resource trading platform runs (交易类型) and who the parties of each are.
 *
 * Only 工程建设 and 政府采购 are procurement: the public body buys. In a 土地使用权 or 产权交易 trade the
 * public body sells (出让人/转让方) and the winner pays (竞得人/受让方), so calling them buyer and
 * supplier would put a land sale on a developer's page as a government contract it supplies.
 * Those trades use the roles transferor/transferee (OCDS partyRole is an open codelist), and an
 * OCDS export should leave them out or treat them as a different kind of process.
 */

import { TRADING } from './contract/trading';

export type TradingRole = (typeof TRADING.roles)[keyof typeof TRADING.roles];

export type TradeTypeKey = 'construction' | 'governmentProcurement' | 'landUseRights' | 'propertyRights';

export interface TradeTypeInfo {
  type: TradeTypeKey;
  name: string;
  synonyms: readonly string[];
  /** Whether the public body buys: only then are the parties buyer and supplier. */
  procurement: boolean;
  /** Role of the party that starts the process (采购人/招标人, or 出让人/转让方). */
  initiatorRole: typeof TRADING.roles.buyer | typeof TRADING.roles.transferor;
  /** Role of the party that wins it (中标人/成交供应商, or 竞得人/受让方). */
  winnerRole: typeof TRADING.roles.supplier | typeof TRADING.roles.transferee;
}

/** Roles every trade shares: the agency that runs the process for the initiator, and the bidders. */
export const AGENCY_ROLE = TRADING.roles.agency;
export const BIDDER_ROLE = TRADING.roles.bidder;

const procurement = { procurement: true, initiatorRole: TRADING.roles.buyer, winnerRole: TRADING.roles.supplier } as const;
const sale = { procurement: false, initiatorRole: TRADING.roles.transferor, winnerRole: TRADING.roles.transferee } as const;

export const TRADE_TYPES: readonly TradeTypeInfo[] = Object.freeze([
  { type: 'construction', name: '工程建设', synonyms: ['建设工程', '工程建设项目', '工程招投标'], ...procurement },
  { type: 'governmentProcurement', name: '政府采购', synonyms: ['采购'], ...procurement },
  { type: 'landUseRights', name: '土地使用权', synonyms: ['土地使用权出让', '国有建设用地使用权', '土地矿业权', '土地和矿业权'], ...sale },
  { type: 'propertyRights', name: '产权交易', synonyms: ['国有产权', '国有资产处置', '产权转让'], ...sale },
]);

/** The trade a platform's 交易类型 names, or undefined. */
export function tradeTypeOf(name: string): TradeTypeInfo | undefined {
  const wanted = name.trim();
  return TRADE_TYPES.find((t) => t.name === wanted || t.synonyms.includes(wanted) || t.type === wanted);
}
