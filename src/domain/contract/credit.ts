import type { CodedValue } from '../creditCodedValue';
import type { ValidityEnd } from '../creditDates';
import { domainContract } from './domainContract';
import { STATUS } from './status';

/**
 * Credit publicity (信用信息公示): 双公示 licences and penalties, and the market regulator's
 * abnormal-operations and serious-violations lists (docs/standards/credit-publicity.md). A listing
 * that leaves its list is `removed`, a status change of the same record.
 */
export const CREDIT = domainContract({
  domain: 'CREDIT',
  kinds: {
    licence: 'administrative-licence',
    penalty: 'administrative-penalty',
    abnormalOperation: 'abnormal-operation',
    seriousViolation: 'serious-violation',
  },
  statuses: [STATUS.published, STATUS.amended, STATUS.revoked, STATUS.cancelled, STATUS.expired, STATUS.listed, STATUS.removed],
  roles: { authority: 'authority' },
});

/** The two market-regulator lists, whose entries are listed and then, perhaps, removed. */
export type ListingKind = typeof CREDIT.kinds.abnormalOperation | typeof CREDIT.kinds.seriousViolation;

/** A body named in a record (the deciding authority, the data source), its code normalised. */
export interface BodyAttributes {
  name: string;
  uscc: string | null;
}

/**
 * A party's other registration numbers: 工商注册号, 组织机构代码, 税务登记号, 事业单位证书号 and
 * 社会组织登记证号, each null when not given (and always for a natural person).
 */
export type RegistrationNumberAttributes = Record<
  'businessRegistration' | 'organisationCode' | 'taxRegistration' | 'publicInstitution' | 'socialOrganisation',
  string | null
>;

/** The party as served: ID numbers only masked (the originals are personal information). */
export interface PartyAttributes {
  name: string;
  category: CodedValue;
  registrationNumbers: RegistrationNumberAttributes;
  legalRepresentative: { name: string | null; idType: CodedValue | null; idNumberMasked: string | null } | null;
  /** A natural person's ID type and masked number; null for organisations. */
  idType: CodedValue | null;
  idNumberMasked: string | null;
}

/** What the hub noticed but did not reject: a fine field disagreeing with the text, an unreadable date. */
export type Warnings = string[];

/** Attributes of an `administrative-licence`. */
export type LicenceAttributes = {
  party: PartyAttributes;
  decision: { documentName: string | null; documentNumber: string; date: string };
  category: CodedValue | null;
  licence: { name: string | null; number: string | null };
  content: string | null;
  validFrom: string | null;
  validUntil: ValidityEnd | null;
  authority: BodyAttributes;
  dataSource: BodyAttributes;
  remarks: string | null;
  warnings: Warnings;
};

/** Attributes of an `administrative-penalty`, from either generation of the template. */
export type PenaltyAttributes = {
  party: PartyAttributes;
  decision: { documentNumber: string; date: string };
  caseName: string | null;
  violationType: string | null;
  facts: string | null;
  basis: string | null;
  categories: CodedValue[];
  content: string | null;
  /** 罚款 in 万元. */
  fine: number | null;
  /** 没收违法所得 / 非法财物 in 万元. */
  confiscation: number | null;
  suspendedOrRevokedLicence: string | null;
  validUntil: ValidityEnd | null;
  publicityUntil: ValidityEnd | null;
  authority: BodyAttributes;
  dataSource: BodyAttributes;
  remarks: string | null;
  warnings: Warnings;
};

/** What both market-regulator lists record of an entry. */
export type ListingAttributes = {
  enterprise: { name: string; registrationNumber: string | null };
  listing: { date: string; authority: string; reason: string | null };
};

/** Attributes of an `abnormal-operation` listing; `removal` once it has left the list by decision. */
export type AbnormalOperationAttributes = ListingAttributes & {
  removal: { date: string; reason: string | null; authority: string } | null;
};

/** Attributes of a `serious-violation` listing. */
export type SeriousViolationAttributes = ListingAttributes;
