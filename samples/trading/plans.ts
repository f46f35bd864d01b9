import type { NoticeType, ProcessStageName } from '../../src/connectorKit';
import { MINUTES_PER_DAY } from '../kit/timeline';

/**
 * How the sample platform's projects run: each plan is a sequence of notices over days, the way
 * the law paces them (招标 ≥ 20 days to the deadline, 磋商/谈判 ≥ 10, 询价 ≥ 3 working days; 中标候选人
 * 公示 3 days; contracts within 30 days of the result). Every 14 days the platform starts one
 * project of each plan, each on its own weekday and hour, so notices interleave as they do on a
 * real platform (schedule.ts turns this into index order).
 *
 * Most projects are one lot; a few are divided into lots (标段 for works, 包 for purchases), each
 * lot a contracting process of its own: it is tendered with the others, but has its own notices,
 * bidders, award and contract, and may fail while the others go on.
 */
export interface PlanStep {
  type: NoticeType;
  /** Days after the process's first notice. */
  day: number;
  /** Time of day it is published, HH:mm. */
  at: string;
  /** The platform's name for the notice (noticeTypeName). */
  typeName: string;
  /**
   * The stage the process is in once this notice is out, written by hand from
   * docs/standards/trading-ocds.md so that tests check processStage against the plan rather than
   * against itself.
   */
  stageAfter: ProcessStageName;
  /** Amendments: whether the correction extends the bid deadline. */
  extendsDeadline?: boolean;
  /** Amendment and cancellation reasons as the notice states them. */
  reason?: string;
}

export interface Plan {
  name: string;
  tradeType: '工程建设' | '政府采购' | '土地使用权' | '产权交易';
  method: string;
  category?: '货物' | '服务' | '工程';
  /** Day of the 14-day cycle the process starts on. */
  startDay: number;
  /** Days from the first notice to the bid deadline (09:30); an extension adds EXTENSION_DAYS. */
  deadlineDays: number;
  /** Lots (标段/包) the project is divided into; absent: one, an undivided project. */
  lots?: number;
  /** The notices of every lot. */
  steps: readonly PlanStep[];
  /** Lots whose notices differ from `steps`, by lot index (a package that fails while the others are awarded). */
  lotSteps?: Readonly<Record<number, readonly PlanStep[]>>;
}

export const CYCLE_DAYS = 14;
export const EXTENSION_DAYS = 7;
/** A clerk publishes the notices of a project's lots one after another, this many minutes apart. */
export const LOT_GAP_MINUTES = 6;

export const PLANS: readonly Plan[] = [
  {
    name: 'works, open tender, to implementation',
    tradeType: '工程建设',
    method: '公开招标',
    startDay: 0,
    deadlineDays: 21,
    steps: [
      { type: 'tender', day: 0, at: '09:12', typeName: '招标公告', stageAfter: 'tender' },
      { type: 'candidates', day: 22, at: '17:05', typeName: '中标候选人公示', stageAfter: 'award' },
      { type: 'award', day: 26, at: '10:20', typeName: '中标结果公示', stageAfter: 'award' },
      { type: 'contract', day: 40, at: '15:35', typeName: '合同公告', stageAfter: 'contract' },
      { type: 'implementation', day: 110, at: '10:05', typeName: '履约信息公示', stageAfter: 'implementation' },
    ],
  },
  {
    name: 'goods in two packages, open tender, deadline extended: one accepted, one failed',
    tradeType: '政府采购',
    method: '公开招标',
    category: '货物',
    startDay: 1,
    deadlineDays: 20,
    lots: 2,
    steps: [
      { type: 'tender', day: 0, at: '10:05', typeName: '公开招标公告', stageAfter: 'tender' },
      { type: 'amendment', day: 6, at: '16:40', typeName: '更正公告', stageAfter: 'tender', extendsDeadline: true, reason: '投标截止时间及开标时间延期' },
      { type: 'award', day: 29, at: '11:20', typeName: '中标公告', stageAfter: 'award' },
      { type: 'contract', day: 33, at: '14:10', typeName: '合同公告', stageAfter: 'contract' },
      { type: 'implementation', day: 62, at: '10:15', typeName: '验收结果公告', stageAfter: 'implementation' },
    ],
    lotSteps: {
      1: [
        { type: 'tender', day: 0, at: '10:05', typeName: '公开招标公告', stageAfter: 'tender' },
        { type: 'amendment', day: 6, at: '16:40', typeName: '更正公告', stageAfter: 'tender', extendsDeadline: true, reason: '投标截止时间及开标时间延期' },
        { type: 'cancellation', day: 29, at: '11:20', typeName: '废标公告', stageAfter: 'cancelled', reason: '本包实质性响应招标文件的供应商不足三家' },
      ],
    },
  },
  {
    name: 'works, prequalification, to contract',
    tradeType: '工程建设',
    method: '公开招标（资格预审）',
    startDay: 2,
    deadlineDays: 30,
    steps: [
      { type: 'tender', day: 0, at: '09:40', typeName: '资格预审公告', stageAfter: 'tender' },
      { type: 'qualification', day: 9, at: '16:00', typeName: '资格预审结果公示', stageAfter: 'qualification' },
      { type: 'candidates', day: 31, at: '17:30', typeName: '中标候选人公示', stageAfter: 'award' },
      { type: 'award', day: 35, at: '09:50', typeName: '中标结果公示', stageAfter: 'award' },
      { type: 'contract', day: 48, at: '15:00', typeName: '合同公告', stageAfter: 'contract' },
    ],
  },
  {
    name: 'services, competitive consultation, failed',
    tradeType: '政府采购',
    method: '竞争性磋商',
    category: '服务',
    startDay: 3,
    deadlineDays: 10,
    steps: [
      { type: 'tender', day: 0, at: '14:20', typeName: '竞争性磋商公告', stageAfter: 'tender' },
      { type: 'cancellation', day: 11, at: '10:30', typeName: '废标公告', stageAfter: 'cancelled', reason: '提交响应文件的供应商不足三家' },
    ],
  },
  {
    name: 'land use rights, listing',
    tradeType: '土地使用权',
    method: '挂牌出让',
    startDay: 4,
    deadlineDays: 30,
    steps: [
      { type: 'tender', day: 0, at: '10:30', typeName: '挂牌出让公告', stageAfter: 'tender' },
      { type: 'award', day: 31, at: '15:45', typeName: '挂牌出让结果公示', stageAfter: 'award' },
    ],
  },
  {
    name: 'goods, request for quotations, corrected then terminated',
    tradeType: '政府采购',
    method: '询价',
    category: '货物',
    startDay: 7,
    deadlineDays: 5,
    steps: [
      { type: 'tender', day: 0, at: '15:10', typeName: '询价公告', stageAfter: 'tender' },
      { type: 'amendment', day: 2, at: '11:30', typeName: '更正公告', stageAfter: 'tender', reason: '采购需求技术参数更正' },
      { type: 'cancellation', day: 4, at: '16:20', typeName: '终止公告', stageAfter: 'cancelled', reason: '因采购需求发生重大变化，终止本次采购' },
    ],
  },
  {
    name: 'state assets, online bidding',
    tradeType: '产权交易',
    method: '网络竞价',
    startDay: 8,
    deadlineDays: 20,
    steps: [
      { type: 'tender', day: 0, at: '11:00', typeName: '产权转让公告', stageAfter: 'tender' },
      { type: 'award', day: 22, at: '14:30', typeName: '成交公告', stageAfter: 'award' },
    ],
  },
  {
    name: 'works in three sections, open tender, changed, to contract',
    tradeType: '工程建设',
    method: '公开招标',
    startDay: 9,
    deadlineDays: 21,
    lots: 3,
    steps: [
      { type: 'tender', day: 0, at: '09:25', typeName: '招标公告', stageAfter: 'tender' },
      { type: 'amendment', day: 9, at: '17:10', typeName: '变更公告', stageAfter: 'tender', extendsDeadline: true, reason: '招标文件工程量清单变更，投标截止时间顺延' },
      { type: 'candidates', day: 30, at: '16:45', typeName: '中标候选人公示', stageAfter: 'award' },
      { type: 'award', day: 34, at: '10:40', typeName: '中标结果公示', stageAfter: 'award' },
      { type: 'contract', day: 47, at: '14:50', typeName: '合同公告', stageAfter: 'contract' },
    ],
  },
  {
    name: 'works, open tender, terminated after a complaint',
    tradeType: '工程建设',
    method: '公开招标',
    startDay: 10,
    deadlineDays: 20,
    steps: [
      { type: 'tender', day: 0, at: '16:00', typeName: '招标公告', stageAfter: 'tender' },
      { type: 'candidates', day: 21, at: '17:20', typeName: '中标候选人公示', stageAfter: 'award' },
      { type: 'cancellation', day: 28, at: '09:35', typeName: '终止公告', stageAfter: 'cancelled', reason: '经投诉处理，招标文件存在违法情形，终止本次招标' },
    ],
  },
  {
    name: 'services in four packages, competitive negotiation, to contract',
    tradeType: '政府采购',
    method: '竞争性谈判',
    category: '服务',
    startDay: 11,
    deadlineDays: 10,
    lots: 4,
    steps: [
      { type: 'tender', day: 0, at: '10:40', typeName: '竞争性谈判公告', stageAfter: 'tender' },
      { type: 'award', day: 12, at: '15:15', typeName: '成交结果公告', stageAfter: 'award' },
      { type: 'contract', day: 18, at: '09:45', typeName: '合同公告', stageAfter: 'contract' },
    ],
  },
];

/** How many lots a plan's projects have: one unless the plan divides them. */
export function lotCountOf(plan: Plan): number {
  return plan.lots ?? 1;
}

/** The notices of one lot of a plan's projects. */
export function stepsOf(plan: Plan, lot: number): readonly PlanStep[] {
  return plan.lotSteps?.[lot] ?? plan.steps;
}

/** Minutes from the start of its cycle to a step of a lot of a plan. */
export function stepOffsetMinutes(plan: Plan, lot: number, step: number): number {
  const s = stepsOf(plan, lot)[step];
  const [hours, minutes] = s.at.split(':').map(Number);
  return (plan.startDay + s.day) * MINUTES_PER_DAY + hours * 60 + minutes + lot * LOT_GAP_MINUTES;
}
