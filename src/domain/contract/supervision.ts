import { Type, type Static } from '@sinclair/typebox';
import { isoDate, orNull } from './attributeShapes';
import { domainContract } from './domainContract';
import { STATUS } from './status';

/** 抽查事项: one item of a department's random-inspection list (双随机一公开). */
export const InspectionItemShape = Type.Object({
  itemCode: Type.String({ minLength: 1 }),
  /** 抽查类别: 重点检查事项 or 一般检查事项. */
  category: Type.String({ minLength: 1 }),
  /** 检查对象 and 检查方式, as the list writes them. */
  inspects: Type.String({ minLength: 1 }),
  method: Type.String({ minLength: 1 }),
  /** 抽查依据: the law or rule the item rests on. */
  basis: Type.String({ minLength: 1 }),
});
export type InspectionItemAttributes = Static<typeof InspectionItemShape>;

/** 检查对象名录库: an enterprise in a department's pool of inspectable subjects. */
export const InspectionSubjectShape = Type.Object({
  /** The pool it is in (e.g. 食品生产企业), as the department names it. */
  pool: Type.String({ minLength: 1 }),
});
export type InspectionSubjectAttributes = Static<typeof InspectionSubjectShape>;

/** 抽查结果: the result of one inspection of one enterprise. */
export const InspectionResultShape = Type.Object({
  taskNumber: Type.String({ minLength: 1 }),
  taskName: Type.String({ minLength: 1 }),
  itemCode: orNull(Type.String({ minLength: 1 })),
  inspectedOn: isoDate('检查日期 as YYYY-MM-DD'),
  /** 检查结果, as the department wrote it (未发现问题, 发现问题已责令整改, 未按规定公示 …). */
  result: Type.String({ minLength: 1 }),
  /** Whether the result found a problem: what a profile and a count care about. */
  problemFound: Type.Boolean(),
  /** 后续处置, when a problem was found. */
  followUp: orNull(Type.String()),
});
export type InspectionResultAttributes = Static<typeof InspectionResultShape>;

/**
 * Random inspections (双随机一公开): the inspection item lists and the inspected-subject pools are
 * lists (a snapshot: an item or subject no longer listed is `removed`), the results are records
 * about one enterprise each, linked to it by its code.
 */
export const SUPERVISION = domainContract({
  domain: 'SUPERVISION',
  kinds: { item: 'inspection-item', subject: 'inspection-subject', result: 'inspection-result' },
  statuses: [STATUS.published, STATUS.removed],
  roles: { inspector: 'inspecting-department' },
  attributeShapes: { 'inspection-item': InspectionItemShape, 'inspection-subject': InspectionSubjectShape, 'inspection-result': InspectionResultShape },
});
