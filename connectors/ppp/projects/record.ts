import type { PppCodeValue } from '../../../src/connectorKit';

/** Where the library's project list is served, under the connector's base URL. */
export const PROJECTS_PATH = '/ppp/projects';

/**
 * One project of the 财政部 PPP 综合信息平台项目库, as its public API returns it (docs/standards/ppp.md).
 * Codes are strings ("1"); dumps written by other tools carry them as numbers, which mean the same.
 * Fields the library's published field list does not name (implementing agency, government
 * participation, partners, contract date, update time) carry names of our choosing, in its style;
 * see connectors/ppp/README.md.
 */
export interface PppProjectRecord {
  projNo: string;
  projName: string;
  distProvinceName: string;
  distCityName: string;
  /** Empty or null for a city-level (市本级) project. */
  distName?: string | null;
  industryRequiredName: string;
  industryOptionalName?: string | null;
  /** Total investment in 分: 1 万元 = 1,000,000 分. */
  investCount: number;
  projState: PppCodeValue;
  returnMode: PppCodeValue;
  operateMode: PppCodeValue;
  /** Years. */
  cooperationTerm: number;
  /** 发起时间: when the project was initiated. */
  startTime: string;
  /** 1 demonstration project, 2 none. */
  example: PppCodeValue;
  exampleList?: Array<{ batchNumber: PppCodeValue; exampleLevel: PppCodeValue }> | null;
  /** Contact person and phone: personal information. */
  linkUname?: string | null;
  linkTel?: string | null;
  /** 实施机构: the government body that implements the project. */
  implOrgName: string;
  implOrgCode?: string | null;
  /** 实施方案: present from the preparation stage on. */
  implPlanInfo?: ImplementationPlan | null;
  /** 社会资本方: the partner(s) procured, present from the execution stage on. */
  socialCapitalList?: Array<{ socialCapitalName: string; socialCapitalCode?: string | null }> | null;
  /** 合同签署时间: when the PPP contract was signed. */
  contractSignTime?: string | null;
  /** When the library last changed the project: the incremental position. */
  updateTime: string;
}

export interface ImplementationPlan {
  socialPurchaseWay?: PppCodeValue | null;
  /** 政府参与方式: 1 a government equity representative holds shares, 2 no government equity. */
  govInvestType?: PppCodeValue | null;
  /** 政府出资代表 and its share of the project company, in percent. */
  govInvestOrgName?: string | null;
  govInvestOrgCode?: string | null;
  govShareRatio?: number | null;
}
