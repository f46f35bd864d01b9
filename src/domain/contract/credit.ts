import { Type, type Static } from '@sinclair/typebox';
import { isoDate, orNull } from './attributeShapes';
import { domainContract } from './domainContract';
import { STATUS } from './status';

/** The two market-regulator lists, whose entries are listed and then, perhaps, removed. */
export type ListingKind = typeof CREDIT.kinds.abnormalOperation | typeof CREDIT.kinds.seriousViolation;

const text = Type.String();
const textOrNull = orNull(text);
const date = isoDate('a date as YYYY-MM-DD');

/** A value decoded from a code table: its code (null when the source's words match none) and its name. */
const CodedValueShape = Type.Object({ code: textOrNull, name: text });

/** The end of a validity: a date, or open-ended (长期). */
const ValidityEndShape = Type.Union([
  Type.Object({ date, openEnded: Type.Literal(false) }),
  Type.Object({ date: Type.Null(), openEnded: Type.Literal(true) }),
]);

/** A body named in a record (the deciding authority, the data source), its code normalised. */
const BodyShape = Type.Object({ name: text, uscc: textOrNull });
export type BodyAttributes = Static<typeof BodyShape>;

/**
 * A party's other registration numbers: 工商注册号, 组织机构代码, 税务登记号, 事业单位证书号 and
 * 社会组织登记证号, each null when not given (and always for a natural person).
 */
const RegistrationNumbersShape = Type.Object({
  businessRegistration: textOrNull,
  organisationCode: textOrNull,
  taxRegistration: textOrNull,
  publicInstitution: textOrNull,
  socialOrganisation: textOrNull,
});
export type RegistrationNumberAttributes = Static<typeof RegistrationNumbersShape>;

/** The party as served: ID numbers only masked (the originals are personal information). */
const PartyShape = Type.Object({
  name: text,
  category: CodedValueShape,
  registrationNumbers: RegistrationNumbersShape,
  legalRepresentative: orNull(Type.Object({ name: textOrNull, idType: orNull(CodedValueShape), idNumberMasked: textOrNull })),
  /** A natural person's ID type and masked number; null for organisations. */
  idType: orNull(CodedValueShape),
  idNumberMasked: textOrNull,
});
export type PartyAttributes = Static<typeof PartyShape>;

/** What the hub noticed but did not reject: a fine field disagreeing with the text, an unreadable date. */
const WarningsShape = Type.Array(text);
export type Warnings = Static<typeof WarningsShape>;

/**
 * Attributes of an `administrative-licence`. A TypeBox shape, not only a type: a manifest that
 * writes licences (reusing the AdministrativeLicence type) is held to it record by record.
 */
export const LicenceShape = Type.Object({
  party: PartyShape,
  decision: Type.Object({ documentName: textOrNull, documentNumber: text, date }),
  category: orNull(CodedValueShape),
  licence: Type.Object({ name: textOrNull, number: textOrNull }),
  content: textOrNull,
  validFrom: orNull(date),
  validUntil: orNull(ValidityEndShape),
  authority: BodyShape,
  dataSource: BodyShape,
  remarks: textOrNull,
  warnings: WarningsShape,
});
export type LicenceAttributes = Static<typeof LicenceShape>;

const amountOrNull = orNull(Type.Number({ minimum: 0, description: 'an amount in 万元' }));

/** Attributes of an `administrative-penalty`, from either generation of the template, or a manifest. */
export const PenaltyShape = Type.Object({
  party: PartyShape,
  decision: Type.Object({ documentNumber: text, date }),
  caseName: textOrNull,
  violationType: textOrNull,
  facts: textOrNull,
  basis: textOrNull,
  categories: Type.Array(CodedValueShape),
  content: textOrNull,
  /** 罚款 in 万元. */
  fine: amountOrNull,
  /** 没收违法所得 / 非法财物 in 万元. */
  confiscation: amountOrNull,
  suspendedOrRevokedLicence: textOrNull,
  validUntil: orNull(ValidityEndShape),
  publicityUntil: orNull(ValidityEndShape),
  authority: BodyShape,
  dataSource: BodyShape,
  remarks: textOrNull,
  warnings: WarningsShape,
});
export type PenaltyAttributes = Static<typeof PenaltyShape>;

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
  // Licences and penalties are what other systems publish too: a manifest may write them, held to
  // these shapes, and they are served by their own types like the coded connector's.
  attributeShapes: { 'administrative-licence': LicenceShape, 'administrative-penalty': PenaltyShape },
});


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
