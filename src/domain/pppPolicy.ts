import type { DecodedCode } from './pppCodes';

/**
 * Policy a library record can contradict (docs/standards/ppp.md, "Policy the records must fit").
 * A contradiction is flagged on the record (`policyConflicts`), never a reason to reject it: the
 * library is the record of what was entered, and a project entered against policy is a fact the
 * public may want to see, not a broken record to hide in quarantine.
 */
export interface PppPolicyConflict {
  /** A stable code, for filters and programs (NEW_MECHANISM_RETURN_MODE …). */
  rule: string;
  /** The document the rule comes from. */
  basis: string;
  /** What in this record contradicts it, in words a reader of the project understands. */
  explanation: string;
}

/** What of a project the rules read: already decoded by the code tables. */
export interface PolicyFacts {
  name: string;
  /** 发起日期, YYYY-MM-DD. */
  initiatedOn: string;
  returnMode: DecodedCode;
  operateMode: DecodedCode;
}

/**
 * The new PPP mechanism (国办函〔2023〕115号, 2023-11-03): it applies to projects that had not
 * finished procuring their partner by February 2023 and to every later one. A project initiated
 * since then cannot have finished procurement before it, so its initiation date decides. Under it
 * a project is paid by its users (returnMode 2 使用者付费: no 政府付费, no 可行性缺口补助) and is a
 * franchise that hands the asset back (BOT, TOT, ROT, TOT+BOT; BOOT or DBFOT are written 9 其他).
 */
export const NEW_MECHANISM = Object.freeze({
  basis: '国办函〔2023〕115号《关于规范实施政府和社会资本合作新机制的指导意见》',
  from: '2023-02-01',
  returnModes: Object.freeze(['2']),
  operateModes: Object.freeze(['1', '2', '3', '5', '9']),
});

/**
 * 委托运营 (O&M) and 管理合同 (MC) hand the operation of existing public assets (存量公共资产) to
 * the partner; the government keeps the assets and pays a fee. They are no modes for a project
 * that builds something (财金〔2014〕113号, appendix: definitions of O&M and MC).
 */
export const EXISTING_ASSET_MODES = Object.freeze({
  basis: '财金〔2014〕113号《政府和社会资本合作模式操作指南（试行）》附件“委托运营”“管理合同”',
  operateModes: Object.freeze(['7', '8']),
});

/**
 * Words of a project name that say it builds or rebuilds something (新建, 扩建, 改造 …, and 工程
 * itself). The library has no field for new versus existing assets, so the name is what can be
 * read; a name without these words (污水处理厂委托运营) is read as existing assets.
 */
const CONSTRUCTION_WORDS = ['新建', '扩建', '迁建', '改建', '改造', '建设', '工程'];

/** Whether a project initiated on this day falls under the new mechanism. */
export function underNewMechanism(initiatedOn: string): boolean {
  return initiatedOn >= NEW_MECHANISM.from;
}

/** The word of a project's name that says it builds something; undefined when none does. */
export function constructionWord(name: string): string | undefined {
  return CONSTRUCTION_WORDS.find((word) => name.includes(word));
}

/** Every policy the project contradicts, in a fixed order; empty when it fits them all. */
export function pppPolicyConflicts(p: PolicyFacts): PppPolicyConflict[] {
  return [newMechanismReturnMode(p), newMechanismOperateMode(p), existingAssetModeForConstruction(p)].filter(
    (conflict): conflict is PppPolicyConflict => conflict !== undefined,
  );
}

function newMechanismReturnMode(p: PolicyFacts): PppPolicyConflict | undefined {
  if (!underNewMechanism(p.initiatedOn) || NEW_MECHANISM.returnModes.includes(p.returnMode.code)) return undefined;
  return {
    rule: 'NEW_MECHANISM_RETURN_MODE',
    basis: NEW_MECHANISM.basis,
    explanation:
      `项目发起于${p.initiatedOn}，适用政府和社会资本合作新机制（${NEW_MECHANISM.from}起），应为使用者付费项目；` +
      `其回报机制为${p.returnMode.name}`,
  };
}

function newMechanismOperateMode(p: PolicyFacts): PppPolicyConflict | undefined {
  if (!underNewMechanism(p.initiatedOn) || NEW_MECHANISM.operateModes.includes(p.operateMode.code)) return undefined;
  return {
    rule: 'NEW_MECHANISM_OPERATE_MODE',
    basis: NEW_MECHANISM.basis,
    explanation:
      `项目发起于${p.initiatedOn}，适用政府和社会资本合作新机制（${NEW_MECHANISM.from}起），应采取期满移交的特许经营方式；` +
      `其运作方式为${p.operateMode.name}`,
  };
}

function existingAssetModeForConstruction(p: PolicyFacts): PppPolicyConflict | undefined {
  const word = constructionWord(p.name);
  if (!EXISTING_ASSET_MODES.operateModes.includes(p.operateMode.code) || word === undefined) return undefined;
  return {
    rule: 'EXISTING_ASSET_MODE_FOR_CONSTRUCTION',
    basis: EXISTING_ASSET_MODES.basis,
    explanation: `运作方式${p.operateMode.name}只适用于存量公共资产的运营，项目名称表明其有建设内容（“${word}”）`,
  };
}
