/**
 * How a trade is conducted (采购方式/招标方式/出让方式), read into the OCDS method and category
 * codelists. The standards give no such mapping; this is our reading of the OCDS definitions
 * (docs/standards/trading-ocds.md records it among the hub's decisions):
 * - open: anyone may bid — 公开招标, and the open sales 挂牌/拍卖/招标出让;
 * - selective: only those who prequalified may — 邀请招标 and 公开招标 with 资格预审;
 * - limited: the buyer negotiates with suppliers it admits — 竞争性谈判, 竞争性磋商, 询价;
 * - direct: one supplier, no competition — 单一来源, 协议出让/转让.
 */

export type OcdsMethod = 'open' | 'selective' | 'limited' | 'direct';
export type OcdsProcurementCategory = 'goods' | 'works' | 'services';

const METHODS: ReadonlyArray<[RegExp, OcdsMethod]> = [
  [/资格预审|邀请招标/, 'selective'],
  [/单一来源|协议(?:出让|转让)/, 'direct'],
  [/竞争性谈判|竞争性磋商|询价|框架协议/, 'limited'],
  [/公开招标|挂牌|拍卖|招标出让|网络竞价|竞价/, 'open'],
];

export interface ProcurementMethod {
  /** As the platform wrote it (OCDS procurementMethodDetails). */
  name: string;
  /** The OCDS method, null when the name is not one we know. */
  ocds: OcdsMethod | null;
}

export function procurementMethodOf(name: string): ProcurementMethod {
  const text = name.trim();
  const match = METHODS.find(([pattern]) => pattern.test(text));
  return { name: text, ocds: match ? match[1] : null };
}

const CATEGORIES: Readonly<Record<string, OcdsProcurementCategory>> = { 货物: 'goods', 工程: 'works', 服务: 'services' };

/**
 * OCDS mainProcurementCategory: 工程建设 is works by definition; 政府采购 says which of 货物/工程/服务
 * it buys; sales of land and property rights are not procurement and have none.
 */
export function procurementCategoryOf(trade: { type: string; procurement: boolean }, categoryName?: string): OcdsProcurementCategory | null {
  if (!trade.procurement) return null;
  if (trade.type === 'construction') return 'works';
  return categoryName ? (CATEGORIES[categoryName.trim()] ?? null) : null;
}
