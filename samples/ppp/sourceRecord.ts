import type { DateTime } from 'luxon';
import { CITY, PROVINCE } from '../kit/population';
import type { ProjectPlan } from './plan';
import type { ProjectState } from './lifecycle';
import { STAGE } from './stages';
import type { PppProjectRecord } from '../../connectors/ppp/projects/schema';

/**
 * A sample project written the way the library's API writes it: codes as strings, investment in
 * 分, dates without an offset, the implementation plan from 准备 on, partners and contract from 执行.
 */
export function sourceRecord(plan: ProjectPlan, state: ProjectState): PppProjectRecord {
  const code = (value: string) => (plan.numericCodes ? Number(value) : value);
  const date = (d: DateTime) => d.toFormat(plan.slashedDates ? 'yyyy/M/d' : 'yyyy-MM-dd');
  return {
    projRid: plan.projRid,
    projNo: plan.projNo,
    projName: plan.name,
    distProvinceName: PROVINCE,
    distCityName: CITY,
    distName: plan.region.level === 'city' ? '' : plan.region.name,
    industryRequiredName: plan.type.industry[0],
    industryOptionalName: plan.type.industry[1],
    projOverview: plan.overview,
    investCount: plan.investmentFen,
    projState: code(String(state.stage)),
    returnMode: code(plan.returnMode),
    operateMode: code(plan.operateMode),
    cooperationTerm: plan.termYears,
    startTime: date(plan.initiatedOn),
    example: code(plan.listings.length > 0 ? '1' : '2'),
    exampleList: plan.listings.map((l) => ({ batchNumber: code(l.batchNumber), exampleLevel: code(l.exampleLevel) })),
    linkUname: state.contact.name,
    linkTel: state.contact.phone,
    implOrgName: plan.agency.name,
    implOrgCode: plan.agency.uscc,
    implPlanInfo: state.stage >= STAGE.preparation ? implementationPlan(plan, code) : null,
    socialCapitalList: state.partners.map((p) => ({ socialCapitalName: p.name, socialCapitalCode: p.uscc })),
    contractSignTime: state.contractSignedOn ? date(state.contractSignedOn) : null,
    updateTime: state.updatedAt.toFormat('yyyy-MM-dd HH:mm:ss'),
  };
}

function implementationPlan(plan: ProjectPlan, code: (value: string) => string | number): PppProjectRecord['implPlanInfo'] {
  const government = plan.government;
  return {
    socialPurchaseWay: code(plan.purchaseWay),
    govInvestType: code(government.type),
    govInvestOrgName: government.type === '1' ? government.representative.name : null,
    govInvestOrgCode: government.type === '1' ? government.representative.uscc : null,
    govShareRatio: government.type === '1' ? government.sharePercent : null,
  };
}
