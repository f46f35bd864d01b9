import {
  awardIdOf,
  contractIdOf,
  procurementCategoryOf,
  procurementMethodOf,
  tenderStatusAfter,
  toWanYuan,
  type Money,
  type NoticeTypeInfo,
  type Period,
  type ProcessIdentity,
  type TradeTypeInfo,
  type TradingAward,
  type TradingContract,
  type TradingNoticeAttributes,
  type TradingTender,
  type TradingTenderer,
} from '../../../src/connectorKit';
import type { NoticeTenderer, TradingNoticeRecord } from './schema';
import { partyRef } from './parties';
import { optionalIsoTime } from './time';

/**
 * The OCDS-shaped blocks of one notice's attributes (src/domain/tradingNotice.ts). Each notice
 * fills the blocks its type speaks about; the compiled record of a process merges them.
 */
export interface NoticeContext {
  record: TradingNoticeRecord;
  type: NoticeTypeInfo;
  trade: TradeTypeInfo;
  /** Normalised project code. */
  projectCode: string;
  /** The process the notice is about: its project and, when the project is divided, its lot. */
  process: ProcessIdentity;
  /** ISO publication time. */
  publishedAt: string;
}

export function tenderBlock(c: NoticeContext): TradingTender {
  const method = c.record.procurementMethod ? procurementMethodOf(c.record.procurementMethod) : null;
  return {
    id: c.projectCode,
    title: c.record.projectName.trim(),
    status: tenderStatusAfter(c.type.type, typeWords(c.record)),
    value: money(c.record.budget, c.record, 'budget'),
    procurementMethod: method?.ocds ?? null,
    procurementMethodDetails: method?.name ?? null,
    mainProcurementCategory: procurementCategoryOf(c.trade, c.record.purchaseCategory),
    tenderPeriod: tenderPeriodOf(c),
  };
}

/** The tender notice opens the period; later notices only move its end (an extension). */
function tenderPeriodOf(c: NoticeContext): Period | null {
  const endDate = optionalIsoTime(c.record.bidDeadline, 'bidDeadline');
  const startDate = c.type.type === 'tender' ? c.publishedAt : null;
  if (!startDate && !endDate) return null;
  return { ...(startDate ? { startDate } : {}), ...(endDate ? { endDate } : {}) };
}

export function tenderersOf(c: NoticeContext): TradingTenderer[] {
  return (c.record.tenderers ?? []).map((t, i) => ({
    ...partyRef(t.name, t.code),
    rank: t.rank ?? null,
    bidValue: money(t.bidAmount, c.record, `tenderers/${i}/bidAmount`),
  }));
}

/**
 * A candidate publicity proposes the first-ranked candidate (the law has the buyer award to it):
 * a pending award. The result notice makes the award active, with its winners. Each lot is awarded
 * on its own: the award is the lot's (awardIdOf).
 */
export function awardsOf(c: NoticeContext): TradingAward[] {
  if (c.type.type === 'candidates') {
    const first = firstRanked(c.record.tenderers ?? []);
    if (!first) return [];
    const value = money(first.bidAmount, c.record, 'tenderers/bidAmount');
    return [{ id: awardIdOf(c.process), status: 'pending', date: null, suppliers: [partyRef(first.name, first.code)], value }];
  }
  if (c.type.type !== 'award') return [];
  const winners = c.record.winners ?? [];
  return [
    {
      id: awardIdOf(c.process),
      status: 'active',
      date: optionalIsoTime(c.record.awardDate, 'awardDate') ?? c.publishedAt,
      suppliers: winners.map((w) => partyRef(w.name, w.code)),
      value: sumOf(winners.map((w, i) => money(w.amount, c.record, `winners/${i}/amount`))),
    },
  ];
}

export function contractsOf(c: NoticeContext): TradingContract[] {
  if (c.type.type !== 'contract' && c.type.type !== 'implementation') return [];
  const r = c.record;
  const id = contractIdOf(c.process, r.contractNo);
  const start = optionalIsoTime(r.contractStart, 'contractStart');
  const end = optionalIsoTime(r.contractEnd, 'contractEnd');
  return [
    {
      id,
      awardID: awardIdOf(c.process),
      status: 'active',
      value: money(r.contractAmount, r, 'contractAmount'),
      period: start || end ? { ...(start ? { startDate: start } : {}), ...(end ? { endDate: end } : {}) } : null,
      dateSigned: optionalIsoTime(r.signDate, 'signDate'),
      implementation: c.type.type === 'implementation' ? implementationOf(r, id) : null,
    },
  ];
}

/** 履约验收 is the delivery milestone OCDS has: met when accepted (合格), not met otherwise. */
function implementationOf(r: TradingNoticeRecord, contractId: string): TradingContract['implementation'] {
  if (!r.acceptanceResult && !r.acceptanceDate) return { milestones: [] };
  const met = r.acceptanceResult !== '不合格';
  const date = optionalIsoTime(r.acceptanceDate, 'acceptanceDate');
  return { milestones: [{ id: `${contractId}-acceptance`, title: '履约验收', type: 'delivery', status: met ? 'met' : 'notMet', dateMet: met ? date : null }] };
}

export function amendmentOf(c: NoticeContext): TradingNoticeAttributes['amendment'] {
  if (c.type.type !== 'amendment') return null;
  return {
    id: c.record.noticeId.trim(),
    date: c.publishedAt,
    rationale: c.record.amendReason?.trim() || null,
    amendsNoticeId: c.record.amendedNoticeId?.trim() || null,
  };
}

export function cancellationOf(c: NoticeContext): TradingNoticeAttributes['cancellation'] {
  if (c.type.type !== 'cancellation') return null;
  const status = tenderStatusAfter('cancellation', typeWords(c.record)) === 'unsuccessful' ? 'unsuccessful' : 'cancelled';
  return { reason: c.record.cancelReason?.trim() || null, status };
}

/** The words that say what kind of notice it is: the type name, else the title. */
function typeWords(r: TradingNoticeRecord): string {
  return r.noticeTypeName ?? r.noticeTitle;
}

function money(written: number | string | undefined, r: TradingNoticeRecord, field: string): Money | null {
  if (written === undefined || written === '') return null;
  try {
    return { amountWan: toWanYuan(written, r.amountUnit), currency: 'CNY' };
  } catch (error) {
    throw new Error(`${field}: ${(error as Error).message}`);
  }
}

function sumOf(values: Array<Money | null>): Money | null {
  const known = values.filter((v): v is Money => v !== null);
  if (known.length === 0) return null;
  // Summing in 分 keeps six exact decimals of 万元.
  const fen = known.reduce((sum, v) => sum + Math.round(v.amountWan * 1e6), 0);
  return { amountWan: fen / 1e6, currency: 'CNY' };
}

function firstRanked(tenderers: readonly NoticeTenderer[]): NoticeTenderer | undefined {
  return [...tenderers].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))[0];
}
