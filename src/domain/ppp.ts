/**
 * Rules of the PPP project library (财政部 PPP 综合信息平台项目库, docs/standards/ppp.md): code tables,
 * demonstration listings, investment units, the published contact and the policy a record must
 * fit. Pure functions, one concept per file; this module is the PPP domain's entry.
 */
export {
  PPP_EXAMPLE_FLAGS,
  PPP_EXAMPLE_LEVELS,
  PPP_GOV_PARTICIPATION,
  PPP_OPERATE_MODES,
  PPP_PURCHASE_WAYS,
  PPP_RETURN_MODES,
  PPP_STAGES,
  canonicalCode,
  decodeCode,
  decodeExampleLevel,
  decodeGovParticipation,
  decodeOperateMode,
  decodePurchaseWay,
  decodeReturnMode,
  decodeStage,
} from './pppCodes';
export type { DecodedCode, PppCodeTable, PppCodeValue } from './pppCodes';

export { chineseNumber, decodeBatch, decodeDemonstration } from './pppDemonstration';
export type { Demonstration, DemonstrationListing } from './pppDemonstration';

export { FEN_PER_WAN_YUAN, fenFromWanYuan, fenToWanYuan } from './pppInvestment';

export { projectContact } from './pppContact';
export type { ProjectContact, PublishedContact } from './pppContact';

export { constructionWord, EXISTING_ASSET_MODES, NEW_MECHANISM, pppPolicyConflicts, underNewMechanism } from './pppPolicy';
export type { PolicyFacts, PppPolicyConflict } from './pppPolicy';
