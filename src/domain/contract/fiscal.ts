import { Type, type Static } from '@sinclair/typebox';
import { domainContract } from './domainContract';
import { STATUS } from './status';

const amount = (description: string) => Type.Number({ minimum: 0, description: `${description}, in 万元` });

/** 三公经费: the three expenses the plan asks every department to publish, in 万元. */
export const ThreePublicShape = Type.Object({
  total: amount('三公经费合计'),
  overseasTravel: amount('因公出国（境）费'),
  vehiclePurchase: amount('公务用车购置费'),
  vehicleOperation: amount('公务用车运行维护费'),
  reception: amount('公务接待费'),
});
export type ThreePublicExpenses = Static<typeof ThreePublicShape>;

/** 预算 or 决算 of one department for one year, by expenditure subject (功能分类科目). */
export const DepartmentAccountShape = Type.Object({
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  departmentCode: Type.String({ minLength: 1 }),
  totalIncome: amount('收入合计'),
  totalExpenditure: amount('支出合计'),
  subjects: Type.Array(
    Type.Object({
      code: Type.String({ pattern: '^\\d{3,7}$', description: 'a 功能分类科目 code of 3, 5 or 7 digits' }),
      name: Type.String({ minLength: 1 }),
      amount: amount('amount'),
    }),
  ),
  threePublic: ThreePublicShape,
});
export type DepartmentAccountAttributes = Static<typeof DepartmentAccountShape>;

/**
 * Department budgets and final accounts (部门预决算). One disclosure per department, year and
 * kind; a figure changed after publication is a revision of it, kept with the earlier figures.
 */
export const FISCAL = domainContract({
  domain: 'FISCAL',
  kinds: { budget: 'department-budget', finalAccount: 'department-final-account' },
  statuses: [STATUS.published, STATUS.amended],
  roles: {},
  attributeShapes: { 'department-budget': DepartmentAccountShape, 'department-final-account': DepartmentAccountShape },
});
