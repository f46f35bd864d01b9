import type { DecodedCode } from '../pppCodes';
import type { Demonstration } from '../pppDemonstration';
import type { PublishedContact } from '../pppContact';
import type { PppPolicyConflict } from '../pppPolicy';
import { domainContract } from './domainContract';
import { STATUS } from './status';

/**
 * The PPP project library (docs/standards/ppp.md): one disclosure per project, keyed by the
 * platform's project id (projRid); a stage change is a revision of the same row.
 */
export const PPP = domainContract({
  domain: 'PPP',
  kinds: { project: 'ppp-project' },
  statuses: [STATUS.published],
  roles: {
    implementingAgency: 'implementing-agency',
    partner: 'partner',
    governmentEquityRepresentative: 'government-equity-representative',
  },
});

export interface PppBody {
  name: string;
  uscc: string | null;
}

export interface GovernmentParticipation {
  mode: DecodedCode;
  equityRepresentative: PppBody | null;
  equitySharePercent: number | null;
}

/** Attributes of a `ppp-project`. Amounts in 万元. */
export interface PppProjectAttributes {
  projNo: string;
  stage: DecodedCode;
  location: { province: string; city: string; district: string | null };
  industry: { primary: string; secondary: string | null };
  /**
   * 项目概况, as the agency wrote it; null when the library gives none. Free text: what the review
   * (保密审查) finds in it holds or masks the record, as in every served text.
   */
  overview: string | null;
  totalInvestment: number;
  operateMode: DecodedCode;
  returnMode: DecodedCode;
  cooperationTermYears: number;
  initiatedOn: string;
  demonstration: Demonstration;
  procurementMethod: DecodedCode | null;
  /** Null before there is an implementation plan (识别 stage). */
  governmentParticipation: GovernmentParticipation | null;
  implementingAgency: PppBody;
  partners: PppBody[];
  contractSignedOn: string | null;
  /** The agency's published contact: name and office line as published, a mobile number masked. */
  contact: PublishedContact | null;
  /** The policies the record contradicts (pppPolicy.ts); empty when it fits them. */
  policyConflicts: PppPolicyConflict[];
  updateTime: string;
}
