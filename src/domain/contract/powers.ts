import { Type, type Static } from '@sinclair/typebox';
import { orNull } from './attributeShapes';
import { domainContract } from './domainContract';
import { STATUS } from './status';

/** 权力清单: one power a department exercises, by its category (行政许可, 行政处罚 …). */
export const PowerItemShape = Type.Object({
  itemCode: Type.String({ minLength: 1 }),
  /** 职权类别: 行政许可, 行政处罚, 行政强制, 行政征收, 行政给付, 行政检查, 行政确认, 行政奖励, 行政裁决, 其他行政权力. */
  category: Type.String({ minLength: 1 }),
  basis: Type.String({ minLength: 1 }),
});
export type PowerItemAttributes = Static<typeof PowerItemShape>;

/** 责任清单: the duties that go with a department's power, and who answers for them. */
export const DutyItemShape = Type.Object({
  itemCode: Type.String({ minLength: 1 }),
  /** The power the duties belong to, by its item code in the power list. */
  powerCode: orNull(Type.String({ minLength: 1 })),
  duties: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
  /** 追责情形: when the department is held to account. */
  accountability: orNull(Type.String()),
});
export type DutyItemAttributes = Static<typeof DutyItemShape>;

/**
 * The lists of powers and duties (权力清单、责任清单), per department: lists, so an item no longer
 * listed is `removed` (kept, as history), never deleted.
 */
export const POWERS = domainContract({
  domain: 'POWERS',
  kinds: { power: 'power-item', duty: 'duty-item' },
  statuses: [STATUS.published, STATUS.removed],
  roles: {},
  attributeShapes: { 'power-item': PowerItemShape, 'duty-item': DutyItemShape },
});
