import { TRADING } from '../../domain/contract';
import type { TradingContract, TradingNoticeAttributes } from '../../domain/trading';
import { listOf, servedAs, type ServedKinds } from '../disclosures/served';

/** A contract as TradingNoticeContract serves it: OCDS's `awardID` under the API's `awardId`. */
export type ServedContract = Omit<TradingContract, 'awardID'> & { awardId: string };

function servedContract({ awardID, ...contract }: TradingContract): ServedContract {
  return { ...contract, awardId: awardID };
}

/** A notice's trade type, parties and contracts as TradingNotice serves them; rows stored before a block was read lack it. */
function servedNoticeBlocks(a: { [Block in 'tradeType' | 'parties' | 'contracts']?: TradingNoticeAttributes[Block] | null }) {
  return { tradeType: a.tradeType ?? null, parties: listOf(a.parties), contracts: listOf(a.contracts).map(servedContract) };
}

/** A notice as TradingNotice serves it: its blocks as stored, list blocks empty where older rows lack them. */
export const servedTradingNotice = servedAs('TradingNotice', (a: TradingNoticeAttributes) => ({
  // First: a spread that starts a literal clones its object; one further in copies property by property.
  ...servedNoticeBlocks(a),
  noticeId: a.noticeId ?? null,
  noticeType: a.noticeType ?? null,
  ocdsTag: a.ocdsTag ?? null,
  projectCode: a.projectCode ?? null,
  projectName: a.projectName ?? null,
  // Notices stored before lots were read name none: their process is the undivided project.
  lotCode: a.lot?.code ?? null,
  lotName: a.lot?.name ?? null,
  sourceAmountUnit: a.sourceAmountUnit ?? null,
  region: a.region ?? null,
  tender: a.tender ?? null,
  tenderers: listOf(a.tenderers),
  awards: listOf(a.awards),
  amendment: a.amendment ?? null,
  cancellation: a.cancellation ?? null,
  contact: a.contact ?? null,
}));

export type ServedTradingNotice = ReturnType<typeof servedTradingNotice>;

/** Public resource trading (公共资源交易): every notice is one type. */
export const servedTradingKinds: ServedKinds = { [TRADING.kinds.notice]: servedTradingNotice };
